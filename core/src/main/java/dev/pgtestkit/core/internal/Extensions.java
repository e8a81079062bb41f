package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.MigrationException;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.TemplateSource;
import dev.pgtestkit.core.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Extensions a template asks for, created before its other sources. */
public final class Extensions {

    private Extensions() {
    }

    /** A template source that creates {@code names} (their list is its checksum). */
    public static TemplateSource source(List<String> names) {
        List<String> copy = List.copyOf(names);
        return context -> {
            context.checksum("extensions " + copy);
            context.onBuild(database -> create(context.server(), database, copy));
        };
    }

    static void create(PostgresServer server, String database, List<String> extensions) {
        if (extensions.isEmpty()) {
            return;
        }
        try (Connection c = server.connect(database); Statement st = c.createStatement()) {
            for (String extension : extensions) {
                try {
                    st.execute("CREATE EXTENSION IF NOT EXISTS " + Identifiers.quote(extension) + " CASCADE");
                } catch (SQLException e) {
                    throw new MigrationException("Extension '" + extension + "' could not be created in template "
                            + "database '" + database + "' on " + server.description() + ": " + e.getMessage()
                            + ". Available extensions: " + available(c) + ". Use a server that ships it (an image "
                            + "with it for Testcontainers, its package for PGTESTKIT_URL), or check the name.", e);
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("Could not create extensions " + extensions + " in template database '"
                    + database + "': " + e.getMessage(), e);
        }
    }

    private static String available(Connection c) {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name FROM pg_available_extensions ORDER BY name"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
        return String.join(", ", names);
    }
}
