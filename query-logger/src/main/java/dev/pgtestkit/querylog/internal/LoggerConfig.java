package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.CallSiteCapture;
import dev.pgtestkit.querylog.QueryListener;
import dev.pgtestkit.querylog.RedactionRules;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A logger's validated settings (built by {@code QueryLogger.Builder}).
 *
 * @param slowThreshold       executions at least this long are slow; null disables slow-query detection
 * @param explainSlowQueries  capture plans of slow statements
 * @param planDataSource      where plans are captured for connections wrapped without a DataSource; may be null
 * @param listeners           receivers of events, in order
 * @param captureParameters   keep bound values on events
 * @param redaction           which columns are secret
 * @param nPlusOneThreshold   executions that make an N+1 finding (at least 2)
 * @param callSites           when to walk the stack
 * @param callSiteExclusions  class-name prefixes skipped when looking for the application's frame
 * @param historySize         recent events the logger keeps (0 keeps none)
 * @param parseWithJSqlParser refine type and tables with JSqlParser in the background
 * @param statementCacheSize  distinct SQL strings analyzed once and remembered
 * @param batchParameterSets  parameter sets kept per batch execution (the first ones)
 * @param schemaOf            the schema an unqualified table name resolves to, or null when unknown; null when the
 *                            logger has no catalog
 */
public record LoggerConfig(Duration slowThreshold, boolean explainSlowQueries, DataSource planDataSource,
        List<QueryListener> listeners, boolean captureParameters, RedactionRules redaction, int nPlusOneThreshold,
        CallSiteCapture callSites, List<String> callSiteExclusions, int historySize, boolean parseWithJSqlParser,
        int statementCacheSize, int batchParameterSets, Function<String, String> schemaOf) {

    public LoggerConfig {
        listeners = List.copyOf(listeners);
        callSiteExclusions = List.copyOf(callSiteExclusions);
    }
}
