package dev.pgtestkit.core.tx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.tx.internal.SqlCommand.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlScannerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "VACUUM                                                   | VACUUM",
        "vacuum (analyze) accounts                                | VACUUM",
        "  -- clean up\\n  VACUUM FULL                          | VACUUM",
        "/* a /* nested */ comment */ create database x           | CREATE DATABASE",
        "DROP DATABASE IF EXISTS x                                | DROP DATABASE",
        "CREATE TABLESPACE t LOCATION '/tmp'                      | CREATE TABLESPACE",
        "CREATE INDEX CONCURRENTLY i ON t (c)                     | CREATE INDEX CONCURRENTLY",
        "create unique index concurrently i on t (c)              | CREATE INDEX CONCURRENTLY",
        "DROP INDEX CONCURRENTLY i                                | DROP INDEX CONCURRENTLY",
        "REINDEX TABLE CONCURRENTLY t                             | REINDEX ... CONCURRENTLY",
        "REINDEX DATABASE app                                     | REINDEX DATABASE",
        "ALTER SYSTEM SET work_mem = '64MB'                       | ALTER SYSTEM",
        "ALTER DATABASE app SET TABLESPACE fast                   | ALTER DATABASE ... SET TABLESPACE",
        "ALTER TABLE ONLY s.t DETACH PARTITION s.p CONCURRENTLY   | ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY",
        "CLUSTER                                                  | CLUSTER without a table",
        "COMMIT PREPARED 'x'                                      | COMMIT PREPARED",
        "PREPARE TRANSACTION 'x'                                  | PREPARE TRANSACTION",
        "DISCARD ALL                                              | DISCARD ALL",
        "CREATE SUBSCRIPTION s CONNECTION 'x' PUBLICATION p       | CREATE SUBSCRIPTION",
        "SELECT 1; VACUUM                                         | VACUUM",
    })
    void refusesStatementsThatCannotRunInATransactionBlock(String sql, String command) {
        assertThat(SqlScanner.classify(sql.replace("\\n", "\n"))).isEqualTo(
                new SqlCommand(Kind.NOT_IN_TRANSACTION, command));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BEGIN                       | BEGIN    | BEGIN",
        "begin isolation level serializable | BEGIN | BEGIN",
        "START TRANSACTION           | BEGIN    | START TRANSACTION",
        "COMMIT                      | COMMIT   | COMMIT",
        "end work                    | COMMIT   | END",
        "ROLLBACK                    | ROLLBACK | ROLLBACK",
        "abort;                      | ROLLBACK | ABORT",
    })
    void recognisesTransactionControl(String sql, Kind kind, String command) {
        assertThat(SqlScanner.classify(sql)).isEqualTo(new SqlCommand(kind, command));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT 'VACUUM'",
        "SELECT \"vacuum\" FROM t",
        "ROLLBACK TO SAVEPOINT a",
        "rollback work to a",
        "CREATE INDEX i ON t (c)",
        "CREATE TABLE concurrently (id int)",
        "CLUSTER t USING i",
        "DO $$ BEGIN COMMIT; END $$",
        "DO $body$ BEGIN VACUUM; END $body$",
        "SELECT E'it\\'s; VACUUM'",
        "INSERT INTO t VALUES ('a;b'); -- VACUUM",
        "WITH x AS (SELECT 1) SELECT * FROM x",
        "SELECT $1::int",
    })
    void passesOrdinarySql(String sql) {
        assertThat(SqlScanner.classify(sql)).isEqualTo(SqlCommand.ORDINARY);
    }

    @Test
    void refusesTransactionControlInsideAMultiStatementString() {
        assertThat(SqlScanner.classify("INSERT INTO t VALUES (1); COMMIT"))
                .isEqualTo(new SqlCommand(Kind.CONTROL_IN_BATCH, "COMMIT"));
        assertThat(SqlScanner.classify("BEGIN; INSERT INTO t VALUES (1)").kind()).isEqualTo(Kind.CONTROL_IN_BATCH);
    }

    @Test
    void readsTheLeadingKeywordsOfEveryStatement() {
        assertThat(SqlScanner.statements("select 1; /* x */ update \"T\" set a = 'b;c'; ;"))
                .containsExactly(java.util.List.of("SELECT"), java.util.List.of("UPDATE", "SET", "A"));
    }

    @Test
    void nullAndBlankAreOrdinary() {
        assertThat(SqlScanner.classify(null)).isEqualTo(SqlCommand.ORDINARY);
        assertThat(SqlScanner.classify("  ")).isEqualTo(SqlCommand.ORDINARY);
    }
}
