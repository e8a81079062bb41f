package dev.pgtestkit.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.WithTransaction;
import dev.pgtestkit.samples.keep.CredentialCipher;
import dev.pgtestkit.samples.keep.JobStatus;
import dev.pgtestkit.samples.keep.KeepSyncDatabase;
import dev.pgtestkit.samples.keep.SyncOrchestrator;
import dev.pgtestkit.samples.keep.SyncSummary;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The test the demo runs through the JUnit launcher (it lives with the main code so that the demo can run it): the
 * orchestrator commits once per note, and {@code @WithTransaction} still rolls all of it back when the test ends.
 */
@PgTest(migrations = KeepSyncDatabase.MIGRATIONS)
@WithTransaction
public class KeepSyncDemoTest {

    @Test
    void aFullSyncCommitsPerNoteCountsTheRejectedNoteAndLeavesNothingBehind(DataSource dataSource, Rows rows) {
        KeepSyncDatabase db = KeepSyncDatabase.on(dataSource);
        CredentialCipher cipher = CredentialCipher.of(new byte[32]);
        db.storeCredentials("demo-user", "demo-user", "notion-token", "notion-db", cipher);
        SimulatedKeepAndNotion services = new SimulatedKeepAndNotion(12, 5); // notes 5 and 10 are refused
        UUID jobId = db.createSyncJob(UUID.randomUUID(), "demo-user", true).jobId();

        SyncSummary summary = new SyncOrchestrator(db, cipher, services, services).execute(jobId);

        assertEquals(new SyncSummary(jobId, JobStatus.COMPLETED, 12, 10, 2, null), summary);
        assertEquals(10, rows.count("sync_state", Map.of("userId", "demo-user")));
        assertEquals(List.of("WARNING", "WARNING"), rows.from("sync_logs").where("jobId", jobId)
                .where("level", "WARNING").list().stream().map(row -> row.get("level")).toList());
    }
}
