package dev.pgtestkit.sync.internal.schema;

import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.execute;
import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.restore;
import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.sync.internal.schema.SchemaWriter.SchemaScripts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Grants, when asked for: privileges beyond the defaults survive a round trip; without the option, none is written. */
class SchemaWriterGrantsIT {

    private static final PostgresServer SERVER = PostgresProvider.auto().shared();

    @Test
    void grantsRoundTripWhenAskedFor() throws SQLException {
        String role = "pgtk_reader_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (DisposableDatabase admin = DatabaseTemplate.empty(SERVER).checkout()) {
            execute(admin, "CREATE ROLE " + role);
            try {
                try (DisposableDatabase source = DatabaseTemplate.empty(SERVER).checkout();
                     DisposableDatabase target = DatabaseTemplate.empty(SERVER).checkout()) {
                    execute(source, """
                            CREATE SCHEMA app;
                            GRANT USAGE ON SCHEMA app TO %1$s;
                            CREATE TABLE app.notes (id serial PRIMARY KEY, body text);
                            GRANT SELECT, INSERT ON app.notes TO %1$s WITH GRANT OPTION;
                            GRANT UPDATE ON app.notes TO PUBLIC;
                            GRANT USAGE ON SEQUENCE app.notes_id_seq TO %1$s;
                            CREATE VIEW app.note_bodies AS SELECT body FROM app.notes;
                            GRANT SELECT ON app.note_bodies TO %1$s;
                            CREATE FUNCTION app.secret() RETURNS integer LANGUAGE sql AS 'SELECT 42';
                            REVOKE EXECUTE ON FUNCTION app.secret() FROM PUBLIC;
                            GRANT EXECUTE ON FUNCTION app.secret() TO %1$s;
                            CREATE TYPE app.level AS ENUM ('low', 'high');
                            REVOKE USAGE ON TYPE app.level FROM PUBLIC;
                            """.formatted(role));
                    try {
                        assertGrantsRoundTrip(role, source, target);
                    } finally {
                        // the clones may be dropped in the background: the role must not hold them up
                        execute(source, "DROP OWNED BY " + role);
                        execute(target, "DROP OWNED BY " + role);
                    }
                }
            } finally {
                execute(admin, "DROP ROLE " + role);
            }
        }
    }

    private static void assertGrantsRoundTrip(String role, DisposableDatabase source, DisposableDatabase target)
            throws SQLException {
        SchemaScripts scripts = write(new CatalogSchemaWriter(true), source, t -> true);
        assertThat(scripts.preData()).contains(
                "GRANT INSERT, SELECT ON TABLE app.notes TO " + role + " WITH GRANT OPTION;",
                "GRANT UPDATE ON TABLE app.notes TO PUBLIC;",
                "REVOKE EXECUTE ON ROUTINE app.secret() FROM PUBLIC;",
                "REVOKE USAGE ON TYPE app.level FROM PUBLIC;");
        assertThat(write(source).preData()).doesNotContain("GRANT", "REVOKE");
        restore(scripts, target);
        assertThat(write(new CatalogSchemaWriter(true), target, t -> true)).isEqualTo(scripts);
        assertThat(acls(target)).isEqualTo(acls(source)).anySatisfy(acl -> assertThat(acl).contains(role));
    }

    private static List<String> acls(DisposableDatabase db) throws SQLException {
        List<String> acls = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT 'relation ' || relname || ' ' || coalesce(relacl::text, '-') FROM pg_class
                WHERE relnamespace = 'app'::regnamespace
                UNION ALL SELECT 'schema ' || coalesce(nspacl::text, '-') FROM pg_namespace WHERE nspname = 'app'
                UNION ALL SELECT 'routine ' || coalesce(proacl::text, '-') FROM pg_proc WHERE proname = 'secret'
                UNION ALL SELECT 'type ' || coalesce(typacl::text, '-') FROM pg_type WHERE typname = 'level'
                ORDER BY 1""")) {
            while (rs.next()) {
                acls.add(rs.getString(1));
            }
        }
        return acls;
    }
}
