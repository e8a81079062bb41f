package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.MigrationException;
import dev.pgtestkit.core.TemplateContext;
import dev.pgtestkit.core.TemplateSource;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * A template source: plain SQL scripts (pg_dump's plain format included), each run in one transaction by
 * {@link ScriptRunner}, named by a digest of their names and content.
 */
public final class SqlScripts implements TemplateSource {

    private final List<Path> scripts;

    public SqlScripts(List<Path> scripts) {
        this.scripts = List.copyOf(scripts);
    }

    @Override
    public void describe(TemplateContext context) {
        MessageDigest digest = MigrationFiles.sha256();
        for (Path script : scripts) {
            MigrationFiles.update(digest, "script:" + script.getFileName(), MigrationFiles.read(script));
        }
        context.checksum(HexFormat.of().formatHex(digest.digest()));
        context.onBuild(database -> scripts.forEach(script -> run(context, database, script)));
    }

    private static void run(TemplateContext context, String database, Path script) {
        try (Connection c = context.server().connect(database)) {
            c.setAutoCommit(false);
            ScriptRunner.run(c, script, database);
            c.commit();
        } catch (SQLException e) {
            throw new MigrationException("SQL script " + script + " failed on template database '" + database + "': "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "scripts " + scripts;
    }
}
