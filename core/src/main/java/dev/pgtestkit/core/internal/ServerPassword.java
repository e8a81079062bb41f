package dev.pgtestkit.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The embedded server's superuser password: random per cluster, so that no other local user connects to it (without
 * one, any local user would get a superuser, and {@code COPY ... TO PROGRAM} runs as the server's user). Kept in the
 * cluster's directory, readable by the JVM's user only, so a kept cluster is reused by the next run.
 */
final class ServerPassword {

    static final String FILE = "password";
    static final int SCRAM_ITERATIONS = 16;
    private static final String QUICK_PREFIX = "SCRAM-SHA-256$" + SCRAM_ITERATIONS + ":";
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

    /**
     * Stores the superuser's SCRAM verifier with {@value #SCRAM_ITERATIONS} PBKDF2 iterations instead of initdb's 4,096,
     * once per cluster: every client repeats them on every connection (PgJDBC's connections were 2.1–2.5 ms faster on
     * the mean, about 9%: BENCHMARKS.md, "SCRAM iterations"). The iterations slow down guessing a weak password; this
     * one is 192 random bits, so they protect nothing here. The verifier is computed here, so the password never
     * appears in a statement (or in pg_stat_statements).
     */
    static void storeQuickVerifier(Connection superuser, String password) throws SQLException {
        try (Statement statement = superuser.createStatement();
             ResultSet rs = statement.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = current_user")) {
            String stored = rs.next() ? rs.getString(1) : null;
            if (stored == null || !stored.startsWith("SCRAM-SHA-256$") || stored.startsWith(QUICK_PREFIX)) {
                return;
            }
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        try (Statement statement = superuser.createStatement()) {
            statement.execute("ALTER ROLE CURRENT_USER PASSWORD '" + scramVerifier(password, salt, SCRAM_ITERATIONS)
                    + "'"); // Base64 and '$:' only
        }
    }

    /** The SCRAM-SHA-256 verifier PostgreSQL stores for an ASCII password (RFC 5802; the form pg_authid holds). */
    static String scramVerifier(String password, byte[] salt, int iterations) {
        try {
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac(salted, "Client Key"));
            Base64.Encoder base64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + iterations + ":" + base64.encodeToString(salt) + "$"
                    + base64.encodeToString(storedKey) + ":" + base64.encodeToString(hmac(salted, "Server Key"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM lacks PBKDF2WithHmacSHA256 or HmacSHA256", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
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
