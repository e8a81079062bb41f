package dev.pgtestkit.core.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.ColumnMatchException;
import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.QueryException;
import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Server errors translated by {@link SqlErrors}: constraint violations name the constraint, table, column, value. */
class RowsErrorsIT extends DatabaseTestBase {

    RowsErrorsIT() {
        super(SeedSchemas.ERRORTRANSLATOR);
    }

    private static QueryException queryError(Throwable e) {
        assertThat(e).isInstanceOf(QueryException.class);
        return (QueryException) e;
    }

    @Test
    void uniqueViolationNamesTheConstraintColumnAndValue() {
        rows.insert("users", Map.of("email", "dup@x.io"));

        assertThatThrownBy(() -> rows.insert("users", Map.of("email", "dup@x.io")))
                .hasMessage("Unique constraint 'users_email_key' violated on table 'users': Key (email)=(dup@x.io)"
                        + " already exists. Use a different value, or upsert to update the existing row.")
                .satisfies(e -> {
                    QueryException q = queryError(e);
                    assertThat(q.sqlState()).isEqualTo("23505");
                    assertThat(q.constraint()).isEqualTo("users_email_key");
                    assertThat(q.table()).isEqualTo("users");
                    assertThat(q.column()).isEqualTo("email");
                });
    }

    @Test
    void foreignKeyViolationOnInsertSaysWhatIsMissing() {
        UUID nobody = UUID.fromString("00000000-0000-0000-0000-000000000001");

        assertThatThrownBy(() -> rows.insert("api_keys", Map.of("userId", nobody, "keyHash", "h", "name", "ci")))
                .hasMessage("Foreign key 'api_keys_user_id_fkey' violated on table 'api_keys': Key"
                        + " (user_id)=(00000000-0000-0000-0000-000000000001) is not present in table \"users\". Insert"
                        + " the referenced row first, or fix the value.")
                .satisfies(e -> assertThat(queryError(e).column()).isEqualTo("user_id"));
    }

    @Test
    void foreignKeyViolationOnDeleteSaysToDeleteChildrenFirst() {
        Object userId = rows.insert("users", Map.of("email", "a@x.io")).get("id");
        rows.insert("api_keys", Map.of("userId", userId, "keyHash", "h", "name", "ci"));

        assertThatThrownBy(() -> rows.delete("users", Map.of("id", userId)))
                .hasMessage("Foreign key 'api_keys_user_id_fkey' violated on table 'api_keys': Key (id)=(" + userId
                        + ") is still referenced from table \"api_keys\". Delete the referencing rows first.");
    }

    @Test
    void notNullViolationNamesTheColumn() {
        assertThatThrownBy(() -> rows.insert("api_keys", Map.of("keyHash", "h")))
                .hasMessage("Column 'name' of table 'api_keys' must not be null. Give it a value, or a default in the"
                        + " schema.")
                .satisfies(e -> assertThat(queryError(e).column()).isEqualTo("name"));
    }

    @Test
    void checkViolationNamesTheConstraint() {
        try (DisposableDatabase hard = checkout(SeedSchemas.HARDCASES)) {
            Rows hardRows = Rows.of(hard.dataSource());
            hardRows.insert("categories", Map.of("name", "Tools", "slug", "tools"));

            assertThatThrownBy(() -> hardRows.insert("products", Map.of("sku", "SKU-1", "categoryId", 1,
                    "name", "Hammer", "price", -1, "stock", 1)))
                    .hasMessage("Check constraint 'products_price_check' violated on table 'products': Failing row"
                            + " contains (SKU-1, 1, Hammer, -1.00, null, 1, null, null, -1.20). Change the values so"
                            + " that the check holds.")
                    .satisfies(e -> assertThat(queryError(e).constraint()).isEqualTo("products_price_check"));
        }
    }

    @Test
    void valueTooLongIsAnInvalidValue() {
        assertThatThrownBy(() -> rows.insert("usage_logs", Map.of("endpoint", "/x", "method", "GET-TOO-LONG",
                "statusCode", 200)))
                .isInstanceOf(QueryException.class)
                .hasMessageStartingWith("Invalid value (SQLState 22001): value too long for type character"
                        + " varying(10). SQL: INSERT INTO \"public\".\"usage_logs\"");
    }

    @Test
    void rawSqlErrorsKeepTheirFamilies() {
        assertThatThrownBy(() -> rows.query("SELEC 1")).isInstanceOf(QueryException.class)
                .hasMessage("SQL syntax error (SQLState 42601): syntax error at or near \"SELEC\" at position 1."
                        + " SQL: SELEC 1");
        assertThatThrownBy(() -> rows.query("SELECT * FROM nope")).isInstanceOf(SchemaException.class)
                .hasMessage("Table 'nope' does not exist (SQLState 42P01). Check the name and the schema, or run the"
                        + " migrations that create it.");
        assertThatThrownBy(() -> rows.query("SELECT nope FROM users")).isInstanceOf(ColumnMatchException.class)
                .hasMessage("Unknown column (SQLState 42703): column \"nope\" does not exist. Check the column name"
                        + " against the table's columns.");
        assertThatThrownBy(() -> rows.execute("SET search_path TO x; SELECT * FROM missing_schema.t"))
                .isInstanceOf(SchemaException.class);
    }

    @Test
    void unreachableServerIsAConnectionException() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/postgres?connectTimeout=2");
        nowhere.setUser("postgres");

        assertThatThrownBy(() -> Rows.of(nowhere).count("users"))
                .isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("Database connection failed (SQLState 08001): Connection to 127.0.0.1:1"
                        + " refused.");
    }
}
