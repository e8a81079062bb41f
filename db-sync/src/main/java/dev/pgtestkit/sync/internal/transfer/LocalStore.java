package dev.pgtestkit.sync.internal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Dump directories on this machine. */
public final class LocalStore implements DumpStore {

    private final Path root;

    public LocalStore(Path root) {
        this.root = root;
    }

    private Path at(String path) {
        return path.isEmpty() ? root : root.resolve(path);
    }

    @Override
    public byte[] readAll(String path) throws IOException {
        try {
            return Files.readAllBytes(at(path));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public long size(String path) throws IOException {
        Path file = at(path);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.size(file) : -1;
    }

    @Override
    public boolean isDirectory(String path) {
        return Files.isDirectory(at(path));
    }

    @Override
    public List<String> listFiles(String dir) throws IOException {
        Path base = at(dir);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(Files::isRegularFile).map(f -> base.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Override
    public InputStream openRead(String path, long offset) throws IOException {
        FileChannel channel = FileChannel.open(at(path), StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    @Override
    public OutputStream openAppend(String path) throws IOException {
        Path file = at(path);
        Files.createDirectories(file.getParent());
        return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public void rename(String from, String to) throws IOException {
        Path target = at(to);
        Files.createDirectories(target.getParent());
        Files.move(at(from), target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void delete(String path) throws IOException {
        Path target = at(path);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(target)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public boolean copyWithin(String from, String to) throws IOException {
        Path target = at(to);
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        try {
            // Dump files are replaced whole, never written in place, so a hard link is as good as a copy.
            Files.createLink(target, at(from));
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(at(from), target, StandardCopyOption.REPLACE_EXISTING);
        }
        return true;
    }

    @Override
    public String describe(String path) {
        return at(path).toString();
    }
}
