package dev.pgtestkit.core.internal;

import java.util.Optional;
import java.util.function.Function;

/**
 * pgtestkit's configuration: each setting is read from a system property ({@code pgtestkit.url}) first, then the
 * environment ({@code PGTESTKIT_URL}). The lookups are injectable so the selection logic can be unit tested.
 */
public final class Settings {

    public static final String URL = "url";
    public static final String PROVIDER = "provider";
    public static final String IMAGE = "image";
    /** The PostgreSQL major version: {@code PGTESTKIT_PG_VERSION} or {@code -Dpgtestkit.pg.version}. */
    public static final String PG_VERSION = "pg.version";

    private final Function<String, String> properties;
    private final Function<String, String> environment;

    public Settings(Function<String, String> properties, Function<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public static Settings fromSystem() {
        return new Settings(System::getProperty, System::getenv);
    }

    /** The value of {@code pgtestkit.<name>} or else {@code PGTESTKIT_<NAME>}; blank counts as unset. */
    public Optional<String> get(String name) {
        String value = properties.apply("pgtestkit." + name);
        if (value == null || value.isBlank()) {
            value = environment.apply(envName(name));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** A raw environment variable (DOCKER_HOST and friends). */
    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.apply(name)).filter(v -> !v.isBlank());
    }

    public static String envName(String name) {
        return "PGTESTKIT_" + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }

    /** How a setting is named for users: {@code PGTESTKIT_URL (or -Dpgtestkit.url)}. */
    public static String describe(String name) {
        return envName(name) + " (or -Dpgtestkit." + name + ")";
    }
}
