package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.MigrationException;
import dev.pgtestkit.core.TemplateContext;
import dev.pgtestkit.core.TemplateSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** A template source: Flyway locations, named by a digest of every file in them (name and content). */
public final class FlywayMigrations implements TemplateSource {

    private final List<String> locations;

    public FlywayMigrations(List<String> locations) {
        this.locations = List.copyOf(locations);
    }

    @Override
    public void describe(TemplateContext context) {
        context.checksum(checksum());
        context.onBuild(database -> migrate(context, database));
    }

    /** Hex SHA-256 over each location's name and each of its files, in order. */
    private String checksum() {
        MessageDigest digest = MigrationFiles.sha256();
        for (String location : locations) {
            digest.update(("location:" + location + "\n").getBytes(StandardCharsets.UTF_8));
            Map<String, byte[]> files = MigrationFiles.filesOf(location);
            if (files.isEmpty()) {
                throw new MigrationException("Flyway location '" + location + "' holds no files. Check the path "
                        + "(classpath:db/migration looks in src/main/resources/db/migration or src/test/resources/"
                        + "db/migration).", null);
            }
            files.forEach((name, content) -> MigrationFiles.update(digest, name, content));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void migrate(TemplateContext context, String database) {
        try {
            Flyway.configure().dataSource(context.server().dataSource(database))
                    .locations(locations.toArray(String[]::new))
                    .failOnMissingLocations(true).load().migrate();
        } catch (FlywayException e) {
            throw new MigrationException("Flyway migrations " + locations + " failed on template database '"
                    + database + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "migrations " + locations;
    }
}
