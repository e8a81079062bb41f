package dev.pgtestkit.sync.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishes a dump directory crash-safely. A dump is written into {@code .<name>.tmp-<pid>-<id>} beside the target
 * and fsynced; then an existing target is renamed aside to {@code .<name>.old-<pid>-<id>}, the new one renamed into
 * place, and the old one deleted. Whatever step a crash interrupts, a later run ({@link #recover}) finds the pieces by
 * name: while the target is missing an aside copy is renamed back (it is the only complete copy); leftovers of dead
 * processes are deleted. The process id in the names keeps a running dump's directories safe from another's recovery.
 */
public final class DumpDirectory {

    private static final Pattern LEFTOVER = Pattern.compile("\\.(.+)\\.(tmp|old)-(\\d+)-[0-9a-f]+");

    private DumpDirectory() {
    }

    /** Recovers leftovers beside {@code target}, then creates and returns a fresh temporary directory beside it. */
    public static Path prepare(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        recover(absolute);
        Path temp = sibling(absolute, "tmp");
        Files.createDirectory(temp);
        return temp;
    }

    /** Moves the complete dump in {@code temp} to {@code target}, replacing what was there only after the move. */
    public static void publish(Path temp, Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        fsyncTree(temp);
        Path aside = null;
        if (Files.exists(absolute)) {
            aside = sibling(absolute, "old");
            move(absolute, aside);
        }
        move(temp, absolute);
        fsync(absolute.getParent());
        if (aside != null) {
            delete(aside);
        }
    }

    /** Deletes an unfinished temporary directory. */
    public static void discard(Path temp) {
        try {
            delete(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the unfinished dump " + temp + "; delete it by hand", e);
        }
    }

    /** Restores or deletes what crashed runs left beside {@code target}; never the only complete copy. */
    public static void recover(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        List<Path> asides = new ArrayList<>();
        List<Path> temps = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(absolute.getParent())) {
            for (Path p : siblings) {
                Matcher m = LEFTOVER.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(absolute.getFileName().toString())
                        && !ProcessHandle.of(Long.parseLong(m.group(3))).map(ProcessHandle::isAlive).orElse(false)) {
                    (m.group(2).equals("old") ? asides : temps).add(p);
                }
            }
        }
        for (Path aside : asides) {
            if (!Files.exists(absolute)) {
                move(aside, absolute);
                fsync(absolute.getParent());
            } else {
                delete(aside);
            }
        }
        for (Path temp : temps) {
            delete(temp);
        }
    }

    private static Path sibling(Path target, String kind) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return target.resolveSibling("." + target.getFileName() + "." + kind + "-" + ProcessHandle.current().pid()
                + "-" + id);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("Cannot rename " + from + " to " + to + " atomically: the dump directory must be"
                    + " on a file system that renames atomically", e);
        }
    }

    private static void fsyncTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                fsync(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                fsync(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Forces a file or directory to disk (directories: where the platform allows opening them). */
    private static void fsync(Path path) throws IOException {
        boolean dir = Files.isDirectory(path);
        try (FileChannel channel = FileChannel.open(path, dir ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            if (!dir) {
                throw e;
            }
            // Some platforms (Windows) cannot open directories; their renames are durable without it.
        }
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
