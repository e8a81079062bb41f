package dev.pgtestkit.junit;

import dev.pgtestkit.junit.internal.Scope;
import dev.pgtestkit.querylog.QueryLogger;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The query log of a scope (a test, or a class for its lifecycle methods): a {@link QueryLogger} that wraps the
 * DataSource the scope hands out. Loaded only when {@link OptionalModule#QUERY_LOGGER} is present.
 */
final class QueryLogSupport {

    /** System property: the slow threshold of test query logs, in milliseconds (plans are captured beyond it). */
    static final String SLOW_THRESHOLD_PROPERTY = "pgtestkit.querylog.slowThresholdMillis";
    /**
     * Far above an ordinary statement on a loaded CI machine (the logger's own 50 ms default fires there and
     * captures plans nobody asked for); a test that wants plans of faster statements lowers it with the property.
     */
    static final long DEFAULT_SLOW_THRESHOLD_MILLIS = 5_000;

    private QueryLogSupport() {
    }

    /** Key of the logger the tests of a class transaction share, in the class scope. */
    private static final String SHARED = "sharedTestLogger";

    /**
     * The scope's logger, created on first use and closed with the scope; for a test of a class transaction, the
     * class's test logger, reset for the test (its log starts empty, as a logger of its own would).
     */
    static Object logger(Scope scope) {
        return scope.cached(QueryLogSupport.class, () -> scope.sharedLoggerHome()
                .map(home -> reset(home.cached(SHARED, () -> newLogger(scope, home))))
                .orElseGet(() -> newLogger(scope, scope)));
    }

    private static QueryLogger reset(QueryLogger logger) {
        logger.reset();
        return logger;
    }

    /** A logger for {@code scope}'s database, closed when {@code owner} ends. */
    private static QueryLogger newLogger(Scope scope, Scope owner) {
        QueryLogger.Builder builder = QueryLogger.builder().slowThreshold(slowThreshold()).planDataSource(scope
                .database().map(handle -> handle.transactions().planDataSource()).orElse(null));
        scope.database().ifPresent(handle -> builder.redaction(QueryLogCatalog.rules(handle))
                .schemaResolver(QueryLogCatalog.schemaResolver(handle)));
        QueryLogger logger = builder.build();
        owner.register(logger);
        return logger;
    }

    static DataSource wrap(Scope scope, DataSource dataSource) {
        return ((QueryLogger) logger(scope)).wrap(dataSource);
    }

    static Duration slowThreshold() {
        String value = System.getProperty(SLOW_THRESHOLD_PROPERTY);
        if (value == null || value.isBlank()) {
            return Duration.ofMillis(DEFAULT_SLOW_THRESHOLD_MILLIS);
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // falls through to the explanation
        }
        throw new IllegalArgumentException("System property " + SLOW_THRESHOLD_PROPERTY + " must be a positive number"
                + " of milliseconds, was '" + value + "'. Use e.g. -D" + SLOW_THRESHOLD_PROPERTY + "=200.");
    }
}
