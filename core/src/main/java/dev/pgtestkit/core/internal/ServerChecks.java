package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.ProvisioningException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Whether a running server is what a {@link ServerSpec} asked for. */
public final class ServerChecks {

    private ServerChecks() {
    }

    /** Fails when the server's major version differs from the one asked for. */
    public static void requireSpec(PostgresServer server, ServerSpec spec, String source) {
        spec.major().ifPresent(major -> {
            int actual = server.versionNum() / 10000;
            if (actual != major) {
                throw new ProvisioningException("PostgreSQL " + spec.version() + " was asked for, but " + source
                        + " runs PostgreSQL " + actual + ". Point it at a PostgreSQL " + major + " server, or ask for "
                        + actual + " (PGTESTKIT_PG_VERSION, @PgTest(postgres)).", null);
            }
        });
    }

    /**
     * Fails, naming each one, when settings of an existing server (which pgtestkit cannot start with its own) differ
     * from those asked for.
     */
    public static void requireSettings(PostgresServer server, Map<String, String> settings, String source) {
        if (settings.isEmpty()) {
            return;
        }
        List<String> differing = new ArrayList<>();
        try (Connection c = server.connect(server.adminDatabase());
             PreparedStatement ps = c.prepareStatement("SELECT current_setting(?, true)")) {
            for (Map.Entry<String, String> wanted : settings.entrySet()) {
                ps.setString(1, wanted.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    String actual = rs.next() ? rs.getString(1) : null;
                    if (actual == null || !normal(actual).equals(normal(wanted.getValue()))) {
                        differing.add(wanted.getKey() + " is '" + actual + "', not '" + wanted.getValue() + "'");
                    }
                }
            }
        } catch (SQLException e) {
            throw new ProvisioningException("Could not read the settings of " + source + ": " + e.getMessage(), e);
        }
        if (!differing.isEmpty()) {
            throw new ProvisioningException("The test asks for server settings that " + source + " does not have: "
                    + String.join("; ", differing) + ". Set them in that server's postgresql.conf (and restart it), or "
                    + "unset PGTESTKIT_URL so that pgtestkit starts a server with them.", null);
        }
    }

    private static String normal(String value) {
        return value.trim().replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
