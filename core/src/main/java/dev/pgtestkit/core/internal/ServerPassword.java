package dev.pgtestkit.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The embedded server's superuser password: random per cluster, so that no other local user connects to it (without
 * one, any local user would get a superuser, and {@code COPY ... TO PROGRAM} runs as the server's user). Kept in the
 * cluster's directory, readable by the JVM's user only, so a kept cluster is reused by the next run.
 */
final class ServerPassword {

    static final String FILE = "password";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ServerPassword() {
    }

    /** A new password, written to {@code dir}/password (mode 0600) and returned. */
    static String create(Path dir) throws IOException {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        writePrivate(dir.resolve(FILE), password);
        return password;
    }

    /** The password of the cluster in {@code dir}, if it has one. */
    static Optional<String> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
                : Optional.empty();
    }

    /** Writes a file only its owner can read, created with that mode (never readable by others, not even briefly). */
    static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }
}
