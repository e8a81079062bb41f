package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.ProvisioningException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a test asks of its server: a PostgreSQL version ({@code "18"}, or a full {@code "18.6"}; null for the
 * provider's default) and server settings ({@code -c name=value}). Servers are shared per distinct spec.
 */
public record ServerSpec(String version, Map<String, String> settings) {

    /** The provider's default version, no extra settings. */
    public static final ServerSpec DEFAULT = new ServerSpec(null, Map.of());

    private static final Pattern VERSION = Pattern.compile("\\d{2}(\\.\\d+){0,2}");

    public ServerSpec {
        if (version != null && version.isBlank()) {
            version = null;
        }
        if (version != null && !VERSION.matcher(version.trim()).matches()) {
            throw new ProvisioningException("PostgreSQL version '" + version + "' is not a version: use a major "
                    + "version such as 14, 15, 16, 17 or 18 (or a full one such as 17.11).", null);
        }
        version = version == null ? null : version.trim();
        settings = Map.copyOf(new TreeMap<>(settings));
    }

    /** The major version asked for (18 for "18.6"), if any. */
    public Optional<Integer> major() {
        return Optional.ofNullable(version).map(v -> Integer.parseInt(v.split("\\.", -1)[0]));
    }

    /** This spec, with {@code version} when it names none (e.g. from {@code PGTESTKIT_PG_VERSION}). */
    public ServerSpec orVersion(Optional<String> fallback) {
        return version != null || fallback.isEmpty() ? this : new ServerSpec(fallback.get(), settings);
    }

    public ServerSpec withSetting(String name, String value) {
        Map<String, String> copy = new TreeMap<>(settings);
        copy.put(name, value);
        return new ServerSpec(version, copy);
    }

    /** A stable text of the whole spec, for keys and hashes: {@code 18 {a=b}}. */
    public String key() {
        return (version == null ? "default" : version) + " " + new TreeMap<>(settings);
    }
}
