package dev.pgtestkit.querylog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.querylog.CallSiteCapture;
import dev.pgtestkit.querylog.RedactionRules;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A logger per test must not re-analyze what an earlier logger with the same settings already analyzed. */
class SharedSqlCacheTest {

    private static final String SQL_TEMPLATE = "SELECT id, email FROM accounts WHERE email = ? AND note <> '%s'";

    @Test
    void aSecondLoggerDoesNotReanalyzeWhatTheFirstSaw() {
        String sql = SQL_TEMPLATE.formatted(UUID.randomUUID());
        try (Recorder one = recorder(RedactionRules.defaults(), true);
             Recorder two = recorder(RedactionRules.defaults(), true)) {
            long before = two.sqlCache().analyzed();
            SqlInfo seen = one.sql(sql, true);
            assertThat(two.sqlCache().analyzed()).isEqualTo(before + 1);
            assertThat(two.sql(sql, true)).isSameAs(seen);
            assertThat(two.sqlCache().analyzed()).isEqualTo(before + 1);
        }
    }

    @Test
    void customRulesKeepTheirOwnCache() {
        String sql = SQL_TEMPLATE.formatted(UUID.randomUUID());
        RedactionRules custom = RedactionRules.defaults().withPattern("^note$");
        try (Recorder shared = recorder(RedactionRules.defaults(), true); Recorder mine = recorder(custom, true)) {
            SqlInfo seen = shared.sql(sql, true);
            assertThat(mine.sql(sql, true)).isNotSameAs(seen);
            assertThat(mine.sqlCache().analyzed()).isEqualTo(1);
        }
    }

    @Test
    void differentParseSettingsDoNotShare() {
        String sql = SQL_TEMPLATE.formatted(UUID.randomUUID());
        try (Recorder parsing = recorder(RedactionRules.defaults(), true);
             Recorder lexing = recorder(RedactionRules.defaults(), false)) {
            assertThat(lexing.sql(sql, true)).isNotSameAs(parsing.sql(sql, true));
        }
    }

    /**
     * Loggers bound to two databases (as the JUnit extension binds a test's logger to its database): what asks the
     * catalog nothing is analyzed once, and each gets its own copy (a plan belongs to one database).
     */
    @Test
    void catalogsOfTwoDatabasesShareWhatAsksThemNothing() {
        String sql = SQL_TEMPLATE.formatted(UUID.randomUUID());
        try (Recorder one = recorder(catalog(List.of("id", "email")), table -> "public");
             Recorder two = recorder(catalog(List.of("id", "email")), table -> "public")) {
            SqlInfo seen = one.sql(sql, true);
            SqlInfo copy = two.sql(sql, true);
            assertThat(two.sqlCache()).isNotSameAs(one.sqlCache());
            assertThat(two.sqlCache().analyzed()).isZero();
            assertThat(copy).isNotSameAs(seen);
            assertThat(copy.normalized).isEqualTo(seen.normalized);
        }
    }

    /** Same text, other answers: an INSERT without a column list is redacted by each database's own column order. */
    @Test
    void anInsertWithoutAColumnListIsAnalyzedAgainForACatalogWithAnotherColumnOrder() {
        String sql = "INSERT INTO users_" + UUID.randomUUID().toString().replace('-', '_') + " VALUES (?, ?)";
        try (Recorder one = recorder(catalog(List.of("name", "password")), null);
             Recorder same = recorder(catalog(List.of("name", "password")), null);
             Recorder other = recorder(catalog(List.of("password", "name")), null)) {
            assertThat(one.sql(sql, true).isSecretParameter(2)).isTrue();
            assertThat(same.sql(sql, true).isSecretParameter(2)).isTrue();
            assertThat(same.sqlCache().analyzed()).isZero();
            SqlInfo swapped = other.sql(sql, true);
            assertThat(other.sqlCache().analyzed()).isEqualTo(1);
            assertThat(swapped.isSecretParameter(1)).isTrue();
            assertThat(swapped.isSecretParameter(2)).isFalse();
        }
    }

    /** Same text, other answers: a qualifier one database resolves anyway and another does not know. */
    @Test
    void aQualifiedNameIsAnalyzedAgainForACatalogThatResolvesItOtherwise() {
        String table = "t_" + UUID.randomUUID().toString().replace('-', '_');
        String sql = "SELECT * FROM public." + table + " WHERE id = ?";
        try (Recorder resolves = recorder(catalog(null), name -> "public");
             Recorder unknown = recorder(catalog(null), name -> null)) {
            assertThat(resolves.sql(sql, true).normalized).doesNotContain("public.");
            assertThat(unknown.sql(sql, true).normalized).contains("public.");
            assertThat(unknown.sqlCache().analyzed()).isEqualTo(1);
        }
    }

    /** The default rules with a column order as a database's catalog gives it (a new object per database). */
    private static RedactionRules catalog(List<String> columns) {
        return RedactionRules.defaults().withColumnOrder(table -> columns);
    }

    /** A recorder configured as {@code QueryLogger.builder()} does by default, but for rules and parsing. */
    private static Recorder recorder(RedactionRules rules, boolean parse) {
        return new Recorder(new LoggerConfig(null, false, null, List.of(), true, rules, 2, CallSiteCapture.ALWAYS,
                List.of(), 0, parse, 10_000, 10, null));
    }

    /** A recorder bound to a catalog: its rules' column order and a schema resolver, parsing on. */
    private static Recorder recorder(RedactionRules rules, java.util.function.Function<String, String> schemaOf) {
        return new Recorder(new LoggerConfig(null, false, null, List.of(), true, rules, 2, CallSiteCapture.ALWAYS,
                List.of(), 0, true, 10_000, 10, schemaOf));
    }
}
