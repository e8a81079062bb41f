package dev.pgtestkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The SCRAM verifier pgtestkit stores for the embedded superuser is the one PostgreSQL itself makes. */
class ServerPasswordIT {

    @Test
    void theVerifierIsTheOnePostgresqlComputesForTheSameSaltAndIterations() throws Exception {
        PostgresServer server = PostgresProvider.auto().shared();
        Assumptions.assumeTrue(server.versionNum() >= 160000, "scram_iterations is PostgreSQL 16+");
        String password = "Zq0-_9xY8wVu7tS6rQ5pO4nM3lK2jI1h";
        try (Connection c = server.connect(server.adminDatabase()); Statement st = c.createStatement()) {
            st.execute("SET scram_iterations = 16");
            st.execute("CREATE ROLE pgtestkit_verifier_check PASSWORD '" + password + "'");
            try (ResultSet rs = st.executeQuery(
                    "SELECT rolpassword FROM pg_authid WHERE rolname = 'pgtestkit_verifier_check'")) {
                rs.next();
                String servers = rs.getString(1);
                byte[] salt = Base64.getDecoder().decode(servers.substring(servers.indexOf(':') + 1,
                        servers.indexOf('$', "SCRAM-SHA-256$".length())));
                assertThat(ServerPassword.scramVerifier(password, salt, 16)).isEqualTo(servers);
                assertThat(ServerPassword.scramVerifier(password + "x", salt, 16)).isNotEqualTo(servers);
            } finally {
                st.execute("DROP ROLE pgtestkit_verifier_check");
            }
        }
    }
}
