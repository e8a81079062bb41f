package dev.pgtestkit.core.internal;

import java.io.PrintStream;
import java.util.function.BooleanSupplier;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * pgtestkit reports what a test run should know (which server it chose, isolation limits, N+1 queries) through
 * SLF4J. Without an SLF4J provider those messages vanish, so the first server request says so once on stderr, with
 * the one-line fix. "Once" per JVM, shared with the query logger's own notice through a system property (the
 * modules do not depend on each other).
 */
public final class LoggingCheck {

    static final String NOTICE = "pgtestkit: SLF4J has no provider it can use (none on the class path, or one for "
            + "the other slf4j-api line: 1.7 needs a 1.7 binding, 2.x a 2.x provider), so pgtestkit's warnings "
            + "(isolation limits, N+1 queries, slow statements, which server it chose) are not shown. Add one test "
            + "dependency that matches your slf4j-api, e.g. org.slf4j:slf4j-simple.";
    /** Set by the first of pgtestkit's modules to say it; the query logger uses the same key. */
    static final String SAID_PROPERTY = "pgtestkit.slf4j.notice";

    private LoggingCheck() {
    }

    /** Says once per JVM, on stderr, that pgtestkit's messages are lost when no SLF4J provider is present. */
    public static void warnOnceIfNoProvider() {
        sayOnce(noProvider(), System.err, () -> System.getProperties().putIfAbsent(SAID_PROPERTY, "said") == null);
    }

    /** Whether SLF4J fell back to its no-operation logger (1.7 and 2.x alike). */
    public static boolean noProvider() {
        return LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory;
    }

    static boolean sayOnce(boolean noProvider, PrintStream err, BooleanSupplier firstToSay) {
        if (noProvider && firstToSay.getAsBoolean()) {
            err.println(NOTICE);
            return true;
        }
        return false;
    }
}
