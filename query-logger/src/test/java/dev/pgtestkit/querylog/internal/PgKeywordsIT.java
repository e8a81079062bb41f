package dev.pgtestkit.querylog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded keyword list is the one PostgreSQL 17's {@code pg_get_keywords()} returns, categories included. */
class PgKeywordsIT {

    @Test
    void matchesTheServersKeywordList() throws SQLException {
        PostgresServer server = PostgresProvider.auto().shared();
        assumeTrue(server.versionNum() / 10000 == 17, "the embedded list is PostgreSQL 17's; this server is "
                + server.description() + " (CI's embedded pass runs on 17)");
        Map<String, PgKeywords.Category> fromServer = new HashMap<>();
        try (Connection c = server.connect(server.adminDatabase()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT word, catcode FROM pg_get_keywords()")) {
            while (rs.next()) {
                fromServer.put(rs.getString(1), switch (rs.getString(2)) {
                    case "U" -> PgKeywords.Category.UNRESERVED;
                    case "C" -> PgKeywords.Category.COLUMN_NAME;
                    case "T" -> PgKeywords.Category.TYPE_FUNC_NAME;
                    default -> PgKeywords.Category.RESERVED;
                });
            }
        }
        assertThat(PgKeywords.all()).isEqualTo(fromServer);
    }
}
