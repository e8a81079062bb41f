package dev.pgtestkit.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The secret that keys masking: the same key gives the same masked values (stable dumps, joins across tables),
 * and nobody without it can recompute them. It comes from the environment ({@value #ENV}) or a key file, never from
 * a dump, a policy or a repository; {@link #toString()} never shows it.
 */
public final class MaskingKey {

    /** The environment variable {@link #fromEnvironment()} reads. */
    public static final String ENV = "PGTESTKIT_MASKING_KEY";

    private final byte[] secret;
    private final String origin;

    private MaskingKey(byte[] secret, String origin) {
        if (secret.length < 16) {
            throw new MaskingException("The masking key from " + origin + " is " + secret.length + " bytes long;"
                    + " it must have at least 16 (e.g. `openssl rand -hex 32`).");
        }
        this.secret = secret.clone();
        this.origin = origin;
    }

    /** A key given in code (at least 16 bytes). */
    public static MaskingKey of(byte[] secret) {
        return new MaskingKey(Objects.requireNonNull(secret, "secret"), "code");
    }

    /**
     * The key in {@value #ENV} (its UTF-8 bytes).
     *
     * @throws MaskingException when the variable is not set
     */
    public static MaskingKey fromEnvironment() {
        String value = System.getenv(ENV);
        if (value == null || value.isBlank()) {
            throw new MaskingException("No masking key: set the environment variable " + ENV + " (e.g. to the"
                    + " output of `openssl rand -hex 32`, kept outside the repository) or give a key file.");
        }
        return new MaskingKey(value.strip().getBytes(StandardCharsets.UTF_8), "$" + ENV);
    }

    /** The key in a file (its content, surrounding white space stripped). */
    public static MaskingKey fromFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return new MaskingKey(text.getBytes(StandardCharsets.UTF_8), "key file " + file);
        } catch (IOException e) {
            throw new MaskingException("Cannot read the masking key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The secret's bytes (a copy). */
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "MaskingKey[from " + origin + ", secret hidden]";
    }
}
