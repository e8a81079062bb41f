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

    /** A recorder configured as {@code QueryLogger.builder()} does by default, but for rules and parsing. */
    private static Recorder recorder(RedactionRules rules, boolean parse) {
        return new Recorder(new LoggerConfig(null, false, null, List.of(), true, rules, 2, CallSiteCapture.ALWAYS,
                List.of(), 0, parse, 10_000, 10, null));
    }
}
