package dev.pgtestkit.sync;

import dev.pgtestkit.sync.internal.config.YamlSection;
import java.nio.file.Path;

/**
 * One database of {@code pgtestkit.yaml}.
 *
 * @param name          its key under {@code databases}
 * @param role          production, test or other
 * @param url           the JDBC URL, without a password (passwords come from the environment or {@code ~/.pgpass})
 * @param dumpDirectory where its dump lives (default {@code <dumps>/<name>} beside the configuration file)
 * @param maskingPolicy the masking policy applied when dumping it, or {@code null} for none
 */
public record DatabaseConfig(String name, Role role, String url, Path dumpDirectory, Path maskingPolicy) {

    /** The environment variable that supplies this database's password. */
    public String passwordVariable() {
        return YamlSection.envName("databases." + name + ".password");
    }

    @Override
    public String toString() {
        return name + " (" + role.configName() + ", " + url + ")";
    }
}
