package dev.pgtestkit.sync;

import java.nio.file.Path;

/**
 * {@code pgtestkit.yaml} (or an environment variable overriding it) is missing, malformed, names an unknown key or
 * lacks a required one. The message names the file, the line and the key, and says how to fix it.
 */
public class ConfigException extends SyncException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String key;

    public ConfigException(String message, Path file, int line, String key) {
        super(message);
        this.file = file;
        this.line = line;
        this.key = key;
    }

    public ConfigException(String message, Path file, int line, String key, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
        this.key = key;
    }

    /** The configuration file, or {@code null} when none was found or the value came from the environment. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the offending key, or -1 when the error is not about one line. */
    public int line() {
        return line;
    }

    /** The dotted key ({@code databases.prod.url}), or {@code null} when the error is about the whole file. */
    public String key() {
        return key;
    }

    @Override
    public int errorCode() {
        return 19;
    }
}
