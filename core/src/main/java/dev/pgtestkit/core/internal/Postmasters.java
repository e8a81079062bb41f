package dev.pgtestkit.core.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds a server process a dead JVM left running, by what the files say about it, and trusts the pid only when the
 * process proves to be that server: a {@code postgres} binary started on that data directory ({@code -D}), at the time
 * the files say. A pid recycled by an unrelated process (or planted in a file) is never signalled.
 */
final class Postmasters {

    private Postmasters() {
    }

    /**
     * The live postmaster with that pid, on that data directory, started within {@code slack} of {@code startedAt};
     * empty when any of it does not hold (or the system does not tell).
     */
    static Optional<ProcessHandle> verified(long pid, Path dataDir, Instant startedAt, Duration slack) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> isPostgresOn(p.info(), dataDir))
                .filter(p -> p.info().startInstant().map(start -> Duration.between(startedAt, start).abs()
                        .compareTo(slack) <= 0).orElse(false));
    }

    private static boolean isPostgresOn(ProcessHandle.Info info, Path dataDir) {
        if (!info.command().map(c -> c.endsWith("postgres")).orElse(false)) {
            return false;
        }
        List<String> args = info.arguments().map(List::of).orElse(List.of());
        Path expected = dataDir.toAbsolutePath().normalize();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-D") && Path.of(args.get(i + 1)).toAbsolutePath().normalize().equals(expected)) {
                return true;
            }
        }
        return false;
    }
}
