package dev.pgtestkit.samples;

import dev.pgtestkit.querylog.QueryEvent;
import dev.pgtestkit.querylog.QueryLog;
import dev.pgtestkit.samples.keep.SyncSummary;
import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.GitResult;
import dev.pgtestkit.sync.RestoreResult;
import dev.pgtestkit.sync.VerifyResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * What the demo did, for its test and for a caller such as the CLI.
 *
 * @param generatedRows       rows the mock generator loaded into production
 * @param syncRuns            the orchestrator's summaries of the workload's sync runs
 * @param historyFirstVersion the query log of the job history as first written (one query per job)
 * @param historyFixed        the query log of the fixed job history
 * @param slowQueries         statements over the demo's slow threshold
 * @param report              the HTML report
 * @param dump                the manifest of production's masked dump
 * @param commit              the git commit of the dump (or why nothing was committed)
 * @param restore             the restore of the dump into the test database
 * @param verify              the verification of the test database against the dump
 * @param junit               the JUnit launcher's summary of the sample's test
 * @param testDatabase        the name of the test database (dropped by the end)
 */
public record DemoResult(long generatedRows, List<SyncSummary> syncRuns, QueryLog historyFirstVersion,
        QueryLog historyFixed, List<QueryEvent> slowQueries, Path report, DumpManifest dump, GitResult commit,
        RestoreResult restore, VerifyResult verify, TestExecutionSummary junit,
        String testDatabase) {
}
