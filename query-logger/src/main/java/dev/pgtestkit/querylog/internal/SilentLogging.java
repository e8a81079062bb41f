package dev.pgtestkit.querylog.internal;

import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * The query logger's findings (N+1 patterns, slow statements) go to SLF4J by default: without a provider they would
 * vanish without a word. The first logger built says so on stderr, once per JVM (the key is shared with core's
 * notice, so a test run sees one such line).
 */
public final class SilentLogging {

    private static final String SAID_PROPERTY = "pgtestkit.slf4j.notice";

    private SilentLogging() {
    }

    public static void noticeOnce() {
        if (LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory
                && System.getProperties().putIfAbsent(SAID_PROPERTY, "said") == null) {
            System.err.println("pgtestkit query logger: SLF4J has no provider it can use (none on the class path, or "
                    + "one for the other slf4j-api line, 1.7 or 2.x), so the N+1 findings and slow statements it logs "
                    + "are lost (its JSON-lines file and HTML report still work). Add one test dependency that matches "
                    + "your slf4j-api, e.g. org.slf4j:slf4j-simple.");
        }
    }
}
