package dev.pgtestkit.core.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.ColumnMatchException;
import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.core.PgTestkitException;
import dev.pgtestkit.core.QueryException;
import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.rows.SqlErrors.Category;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Pure mapping logic; the same translations against a real server are in RowsErrorsIT. */
class SqlErrorsTest {

    /** A server error report in the wire format PgJDBC parses: one-letter field code, value, NUL. */
    private static PSQLException serverError(String... fields) {
        return new PSQLException(new ServerErrorMessage(String.join("\0", fields) + "\0"));
    }

    @Test
    void categorizesSqlStateClasses() {
        assertThat(SqlErrors.categorize("08006")).isEqualTo(Category.CONNECTION);
        assertThat(SqlErrors.categorize("57P01")).isEqualTo(Category.CONNECTION);
        assertThat(SqlErrors.categorize("53300")).isEqualTo(Category.CONNECTION);
        assertThat(SqlErrors.categorize("28P01")).isEqualTo(Category.CONNECTION);
        assertThat(SqlErrors.categorize(null)).isEqualTo(Category.CONNECTION);
        assertThat(SqlErrors.categorize("42P01")).isEqualTo(Category.SCHEMA);
        assertThat(SqlErrors.categorize("3F000")).isEqualTo(Category.SCHEMA);
        assertThat(SqlErrors.categorize("42703")).isEqualTo(Category.COLUMN_MATCH);
        assertThat(SqlErrors.categorize("42601")).isEqualTo(Category.QUERY);
        assertThat(SqlErrors.categorize("23505")).isEqualTo(Category.QUERY);
        assertThat(SqlErrors.categorize("22P02")).isEqualTo(Category.QUERY);
    }

    @Test
    void uniqueViolationNamesConstraintTableColumnAndValue() {
        PgTestkitException e = SqlErrors.translate(serverError("SERROR", "C23505",
                "Mduplicate key value violates unique constraint \"users_email_key\"",
                "DKey (email)=(a@b.c) already exists.", "spublic", "tusers", "nusers_email_key"));
        assertThat(e).isInstanceOf(QueryException.class).hasMessage("Unique constraint 'users_email_key' violated on"
                + " table 'users': Key (email)=(a@b.c) already exists. Use a different value, or upsert to update"
                + " the existing row.");
        QueryException q = (QueryException) e;
        assertThat(q.constraint()).isEqualTo("users_email_key");
        assertThat(q.table()).isEqualTo("users");
        assertThat(q.column()).isEqualTo("email");
        assertThat(q.sqlState()).isEqualTo("23505");
    }

    @Test
    void valuesOfSecretLookingKeyColumnsAreHidden() {
        PgTestkitException e = SqlErrors.translate(serverError("SERROR", "C23505",
                "Mduplicate key value violates unique constraint \"users_api_token_key\"",
                "DKey (tenant, api_token)=(7, s3cr3t-t0k3n) already exists.", "spublic", "tusers",
                "nusers_api_token_key"));
        assertThat(e).hasMessageContaining("Key (tenant, api_token)=(***) already exists.")
                .hasMessageNotContaining("s3cr3t");
        assertThat(SqlErrors.redacted("Key (email)=(a@b.c) already exists.")).isEqualTo(
                "Key (email)=(a@b.c) already exists.");
    }

    @Test
    void foreignKeyViolationOnDeleteSaysToDeleteChildrenFirst() {
        PgTestkitException e = SqlErrors.translate(serverError("SERROR", "C23503", "Mupdate or delete violates",
                "DKey (id)=(5) is still referenced from table \"api_keys\".", "saudit", "tusers",
                "napi_keys_user_id_fkey"));
        assertThat(e).hasMessage("Foreign key 'api_keys_user_id_fkey' violated on table 'audit.users': Key (id)=(5)"
                + " is still referenced from table \"api_keys\". Delete the referencing rows first.");
    }

    @Test
    void connectionFailureIsConnectionException() {
        PgTestkitException e = SqlErrors.translate(new SQLException("Connection refused", "08001"));
        assertThat(e).isInstanceOf(ConnectionException.class).hasMessage("Database connection failed (SQLState"
                + " 08001): Connection refused. Check that the server is running and that the URL, user and database"
                + " are right.");
    }

    @Test
    void missingTableAndColumnKeepTheirFamilies() {
        assertThat(SqlErrors.translate(serverError("SERROR", "C42P01", "Mrelation \"nope\" does not exist")))
                .isInstanceOf(SchemaException.class).isNotInstanceOf(ColumnMatchException.class)
                .hasMessage("Table 'nope' does not exist (SQLState 42P01). Check the name and the schema, or run"
                        + " the migrations that create it.");
        assertThat(SqlErrors.translate(serverError("SERROR", "C42703", "Mcolumn \"foo\" does not exist")))
                .isInstanceOf(ColumnMatchException.class)
                .satisfies(e -> assertThat(((ColumnMatchException) e).column()).isEqualTo("foo"));
    }

    @Test
    void syntaxErrorShowsPositionAndStatement() {
        PgTestkitException e = SqlErrors.translate(serverError("SERROR", "C42601",
                "Msyntax error at or near \"SELEC\"", "P1"), "SELEC 1");
        assertThat(e).isInstanceOf(QueryException.class).hasMessage("SQL syntax error (SQLState 42601): syntax error"
                + " at or near \"SELEC\" at position 1. SQL: SELEC 1");
    }
}
