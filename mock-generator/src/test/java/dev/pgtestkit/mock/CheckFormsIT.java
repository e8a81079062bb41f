package dev.pgtestkit.mock;

import static dev.pgtestkit.mock.TestDatabases.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One table per CHECK form, 2,000 generated rows each. The server enforces the checks on load, so counting rows that
 * break them would prove nothing; instead the tests show what only the generator decides: every parsed form is met
 * by construction (the server's verification had nothing to evaluate and regenerated no row), and the values use the
 * room the check leaves rather than piling up at a bound.
 */
class CheckFormsIT {

    private static final int ROWS = 2000;
    private static DisposableDatabase db;
    private static GenerationResult result;

    @BeforeAll
    static void generate() {
        db = TestDatabases.withSchema(
                "CREATE TABLE in_list (status varchar(12) NOT NULL CHECK (status IN ('new', 'paid', 'void')),"
                        + " grade char(1) CHECK (grade = ANY (ARRAY['A', 'B', 'C'])))",
                "CREATE TABLE not_in (code text NOT NULL CHECK (code NOT IN ('x', 'y')),"
                        + " n int NOT NULL CHECK (n <> ALL (ARRAY[1, 2, 3])) CHECK (n BETWEEN 1 AND 5))",
                "CREATE TABLE comparisons (price numeric(8,2) NOT NULL CHECK (price >= 0) CHECK (price < 100),"
                        + " delta int NOT NULL CHECK (delta > -5 AND delta <= 5), ratio real CHECK (ratio > 0.5),"
                        + " day date NOT NULL CHECK (day >= '2024-01-01' AND day < '2024-02-01'))",
                "CREATE TABLE between_form (pct smallint NOT NULL CHECK (pct BETWEEN 10 AND 20),"
                        + " score numeric(3,1) CHECK (score NOT BETWEEN 2 AND 8))",
                "CREATE TABLE lengths (code varchar(20) NOT NULL CHECK (char_length(code) >= 6),"
                        + " tag text NOT NULL CHECK (length(tag) BETWEEN 2 AND 4), pin char(4) CHECK (length(pin) = 4))",
                "CREATE TABLE column_pairs (lo int NOT NULL, hi int NOT NULL, starts timestamptz NOT NULL,"
                        + " ends timestamptz, CHECK (lo < hi), CHECK (ends IS NULL OR ends > starts))",
                "CREATE TABLE null_tests (a int, b int, c text CHECK (c IS NOT NULL), CHECK (a IS NOT NULL OR b IS NOT NULL))",
                "CREATE TABLE and_or (kind text NOT NULL, amount int NOT NULL,"
                        + " CHECK ((kind = 'refund' AND amount < 0) OR (kind = 'sale' AND amount > 0)))",
                "CREATE TABLE patterns (email text NOT NULL CHECK (email LIKE '%_@_%.__%'),"
                        + " ref text NOT NULL CHECK (ref LIKE 'REF-%'), flag boolean NOT NULL CHECK (flag))",
                "CREATE TABLE server_checked (email text NOT NULL CHECK (lower(email) = email),"
                        + " x int, y int, CHECK (num_nonnulls(x, y) = 1))",
                "CREATE TYPE level AS ENUM ('low', 'mid', 'high')",
                "CREATE TABLE enum_range (l level NOT NULL CHECK (l > 'low'))");
        result = MockDataGenerator.builder(db.dataSource()).seed(5).build()
                .generate(GenerationPlan.builder().allTables(ROWS).build());
    }

    @AfterAll
    static void drop() {
        db.close();
    }


    @Test
    void inListsUseEveryValue() {
        assertThat(count(db, "SELECT count(DISTINCT status) FROM in_list")).isEqualTo(3);
        assertThat(count(db, "SELECT count(DISTINCT grade) FROM in_list")).isEqualTo(3);
    }

    @Test
    void onlyTheFunctionCallIsLeftToTheServerAndEveryParsedFormIsConstructed() {
        assertThat(TestDatabases.serverChecked(result)).containsExactly(
                Map.entry("public.server_checked", "[server_checked_email_check] 0"));
    }

    @Test
    void notInListsLeaveTheRestOfTheRange() {
        assertThat(count(db, "SELECT count(DISTINCT n) FROM not_in")).isEqualTo(2);
        assertThat(count(db, "SELECT count(DISTINCT code) FROM not_in")).isGreaterThan(ROWS / 2);
    }

    @Test
    void comparisonsAndRangesAreConstructedNotClamped() {
        assertThat(count(db, "SELECT count(DISTINCT delta) FROM comparisons")).isEqualTo(10);
        assertThat(count(db, "SELECT count(DISTINCT day) FROM comparisons")).isEqualTo(31);
        assertThat(count(db, "SELECT count(DISTINCT price) FROM comparisons")).isGreaterThan(ROWS / 2);
        assertThat(count(db, "SELECT max(n) FROM (SELECT count(*) AS n FROM comparisons GROUP BY price) x"))
                .isLessThan(ROWS / 100);
        assertThat(count(db, "SELECT count(DISTINCT ratio) FROM comparisons")).isGreaterThan(ROWS / 4);
    }

    @Test
    void betweenAndNotBetween() {
        assertThat(count(db, "SELECT count(DISTINCT pct) FROM between_form")).isEqualTo(11);
        assertThat(count(db, "SELECT count(*) FROM between_form WHERE score < 2")).isPositive();
        assertThat(count(db, "SELECT count(*) FROM between_form WHERE score > 8")).isPositive();
    }

    @Test
    void lengthBoundsHold() {
        assertThat(count(db, "SELECT count(DISTINCT code) FROM lengths")).isGreaterThan(ROWS / 2);
        assertThat(count(db, "SELECT count(DISTINCT length(tag)) FROM lengths")).isEqualTo(3);
    }

    @Test
    void columnComparisonsHoldBothWays() {
        assertThat(count(db, "SELECT count(DISTINCT hi - lo) FROM column_pairs")).isGreaterThan(20);
        assertThat(count(db, "SELECT count(DISTINCT ends - starts) FROM column_pairs")).isGreaterThan(ROWS / 4);
    }

    @Test
    void nullTestsAndAlternatives() {
        assertThat(count(db, "SELECT count(*) FROM null_tests WHERE a IS NULL")).isPositive();
        assertThat(count(db, "SELECT count(*) FROM null_tests WHERE b IS NULL")).isPositive();
    }

    @Test
    void andOrPicksACoherentAlternativePerRow() {
        assertThat(count(db, "SELECT count(*) FROM and_or WHERE kind = 'refund'")).isPositive();
        assertThat(count(db, "SELECT count(*) FROM and_or WHERE kind = 'sale'")).isPositive();
    }

    @Test
    void likePatternsAndBooleanChecks() {
        assertThat(count(db, "SELECT count(DISTINCT ref) FROM patterns")).isGreaterThan(ROWS / 2);
        assertThat(count(db, "SELECT count(DISTINCT email) FROM patterns")).isGreaterThan(ROWS / 2);
    }

    @Test
    void checksOnlyTheServerUnderstandsAreVerifiedAndRegenerated() {
        assertThat(count(db, "SELECT count(*) FROM server_checked WHERE x IS NOT NULL")).isPositive();
        assertThat(count(db, "SELECT count(*) FROM server_checked WHERE y IS NOT NULL")).isPositive();
    }

    @Test
    void enumComparisonsFollowLabelOrder() {
        assertThat(count(db, "SELECT count(DISTINCT l) FROM enum_range")).isEqualTo(2);
    }
}
