package dev.pgtestkit.querylog.internal;

import java.util.concurrent.ThreadFactory;

/** Thread factory for the logger's background threads: named, daemon, never keeping the JVM alive. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
