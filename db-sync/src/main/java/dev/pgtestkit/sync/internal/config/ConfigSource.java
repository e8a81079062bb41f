package dev.pgtestkit.sync.internal.config;

import dev.pgtestkit.sync.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The file being read and the environment overriding it; records which variables were consulted. */
public final class ConfigSource {

    private final Path file;
    private final Map<String, String> env;
    private final Set<String> consulted = new TreeSet<>();

    public ConfigSource(Path file, Map<String, String> env) {
        this.file = file;
        this.env = Map.copyOf(env);
    }

    public Path file() {
        return file;
    }

    /** The variable's value, or {@code null}; remembered as a name the configuration knows. */
    public String env(String name) {
        consulted.add(name);
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** The names of the variables looked up so far. */
    public Set<String> consulted() {
        return Set.copyOf(consulted);
    }

    public Map<String, String> environment() {
        return env;
    }

    String describe() {
        return file.toString();
    }

    ConfigException error(int line, String key, String message) {
        return new ConfigException(message, file, line, key);
    }
}
