package dev.pgtestkit.querylog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.querylog.RedactionRules;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private static SqlInfo info(String sql, boolean jdbc) {
        return SqlInfo.analyze(sql, jdbc, RedactionRules.defaults(), null);
    }

    @Test
    void defaultRulesMatchSecretLookingColumnsOnly() {
        RedactionRules rules = RedactionRules.defaults();
        assertThat(rules.isSecret("password")).isTrue();
        assertThat(rules.isSecret("password_hash")).isTrue();
        assertThat(rules.isSecret("apiKey")).isTrue();
        assertThat(rules.isSecret("api_key")).isTrue();
        assertThat(rules.isSecret("refresh_token")).isTrue();
        assertThat(rules.isSecret("client_secret")).isTrue();
        assertThat(rules.isSecret("salt")).isTrue();
        assertThat(rules.isSecret("monkey")).isFalse();
        assertThat(rules.isSecret("keyboard_layout")).isFalse();
        assertThat(rules.isSecret("email")).isFalse();
        assertThat(RedactionRules.none().isSecret("password")).isFalse();
        assertThat(RedactionRules.none().withPattern("^ssn$").isSecret("SSN")).isTrue();
    }

    @Test
    void badPatternsAreRejectedWithTheFix() {
        assertThatThrownBy(() -> RedactionRules.defaults().withPattern("(unclosed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Redaction pattern '(unclosed' is not a valid regular expression:")
                .hasMessageEndingWith("Use java.util.regex syntax, e.g. \"^ssn$\".");
    }

    @Test
    void parametersOfSecretColumnsAreFoundByInsertPositionComparisonAndInList() {
        SqlInfo insert = info("INSERT INTO users (name, password_hash, email) VALUES (?, ?, ?), (?, ?, ?)", true);
        assertThat(insert.isSecretParameter(1)).isFalse();
        assertThat(insert.isSecretParameter(2)).isTrue();
        assertThat(insert.isSecretParameter(5)).isTrue();
        assertThat(insert.isSecretParameter(6)).isFalse();
        SqlInfo update = info("UPDATE users SET api_token = ?, name = ? WHERE u.password = ? AND id = ?", true);
        assertThat(update.isSecretParameter(1)).isTrue();
        assertThat(update.isSecretParameter(2)).isFalse();
        assertThat(update.isSecretParameter(3)).isTrue();
        assertThat(update.isSecretParameter(4)).isFalse();
        SqlInfo in = info("SELECT * FROM s WHERE token IN (?, ?) OR ? = secret OR key = ANY(?)", true);
        assertThat(in.isSecretParameter(1)).isTrue();
        assertThat(in.isSecretParameter(2)).isTrue();
        assertThat(in.isSecretParameter(3)).isTrue();
        assertThat(in.isSecretParameter(4)).isTrue();
    }

    @Test
    void inlinedSecretConstantsAreRedactedInTheShownSql() {
        SqlInfo info = info("INSERT INTO users (name, password) VALUES ('bob', 'hunter2'), ('eve', E'p\\'w')", false);
        assertThat(info.displaySql)
                .isEqualTo("INSERT INTO users (name, password) VALUES ('bob', '***'), ('eve', '***')")
                .doesNotContain("hunter2");
        SqlInfo harmless = info("SELECT * FROM users WHERE name = 'bob'", false);
        assertThat(harmless.displaySql).isSameAs(harmless.sql);
    }

    @Test
    void serverSyntaxNumbersPlaceholdersAndUnescapesOperators() {
        assertThat(SqlText.toServerSyntax("SELECT * FROM t WHERE a = ? AND data ?? 'k' AND b = ? -- why?"))
                .isEqualTo("SELECT * FROM t WHERE a = $1 AND data ? 'k' AND b = $2 -- why?");
    }
}
