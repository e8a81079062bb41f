package dev.pgtestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Distributions of values only the generator decides (no check or key states them), on the rental schema filled
 * by {@code allTables(200)} with no override: numbers by name, integer flags, timestamps relative to now,
 * orderings names imply, codes by convention, enum coverage. The README quotes these numbers before and after.
 */
class RealismIT {

    private static DisposableDatabase db;

    @BeforeAll
    static void fill() {
        db = RealWorldSchemasIT.load("media_rentals");
        RealWorldSchemasIT.fill(db, 5);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static double number(String sql) {
        String text = TestDatabases.text(db, sql);
        System.out.println("[realism] " + sql + " -> " + text);
        return Double.parseDouble(text);
    }

    @Test
    void moneyColumnsLookLikePricesOfTheirScale() {
        assertThat(number("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) FROM payments"))
                .isBetween(1.0, 60.0);
        assertThat(number("SELECT max(amount) FROM payments")).isLessThanOrEqualTo(200.0);
        assertThat(number("SELECT max(rental_rate) FROM films")).isLessThan(20.0);
        assertThat(number("SELECT max(discount_rate) FROM promotions")).isLessThanOrEqualTo(1.0);
        assertThat(number("SELECT max(hourly_rate) FROM staff")).isBetween(8.0, 200.0);
    }

    @Test
    void durationsLengthsAndCountsStayInHumanRanges() {
        assertThat(number("SELECT max(rental_duration) FROM films")).isLessThanOrEqualTo(30);
        assertThat(number("SELECT max(length) FROM films")).isLessThanOrEqualTo(240);
        assertThat(number("SELECT min(length) FROM films")).isGreaterThanOrEqualTo(1);
        assertThat(number("SELECT max(quality_percent) FROM streams")).isLessThanOrEqualTo(100);
        assertThat(number("SELECT max(usage_count) FROM promotions")).isLessThanOrEqualTo(1000);
    }

    @Test
    void integerFlagsAreZeroOrOne() {
        assertThat(number("SELECT count(DISTINCT active) FROM customers")).isEqualTo(2);
        assertThat(number("SELECT count(*) FROM customers WHERE active NOT IN (0, 1)")).isZero();
        assertThat(number("SELECT count(*) FROM staff WHERE is_manager NOT IN (0, 1)")).isZero();
    }

    @Test
    void pastEventsAreNotInTheFutureButExpiriesMayBe() {
        for (String column : new String[] {"payments.payment_date", "rentals.rental_date", "streams.started_at",
            "subscriptions.started_at", "customers.created_at", "stores.opened_at", "attachments.created_at"}) {
            String[] tc = column.split("\\.", 2);
            assertThat(number("SELECT count(*) FROM " + tc[0] + " WHERE " + tc[1] + " > now()")).as(column).isZero();
            assertThat(number("SELECT count(*) FROM " + tc[0] + " WHERE " + tc[1] + " > now() - interval '3 years'"))
                    .as(column).isGreaterThan(100);
        }
        assertThat(number("SELECT count(*) FROM subscriptions WHERE expires_at > now()")).isPositive();
    }

    @Test
    void timestampsOfAUniqueKeySpreadOverTheWindow() {
        assertThat(number("SELECT extract(epoch FROM max(rental_date) - min(rental_date)) / 86400 FROM rentals"))
                .isGreaterThan(180);
    }

    @Test
    void orderedPairsAreInOrder() {
        assertThat(number("SELECT count(*) FROM stores WHERE min_lat > max_lat OR min_lng > max_lng")).isZero();
        assertThat(number("SELECT count(*) FROM subscriptions WHERE terminated_at <= started_at")).isZero();
        assertThat(number("SELECT count(*) FROM subscriptions WHERE terminated_at IS NOT NULL")).isPositive();
        assertThat(number("SELECT count(*) FROM streams WHERE ended_at <= started_at")).isZero();
        assertThat(number("SELECT count(*) FROM promotions WHERE valid_to < valid_from")).isZero();
        assertThat(number("SELECT count(*) FROM promotions WHERE first_order_no > last_order_no")).isZero();
        assertThat(number("SELECT count(*) FROM staff WHERE left_on < hired_on")).isZero();
    }

    @Test
    void codesFollowTheirStandards() {
        assertThat(number("SELECT count(*) FROM stores WHERE default_currency !~ '^[A-Z]{3}$'")).isZero();
        assertThat(number("SELECT count(*) FROM payments WHERE currency !~ '^[A-Z]{3}$'")).isZero();
        assertThat(number("SELECT count(*) FROM stores WHERE locale !~ '^[a-z]{2}([-_][A-Z]{2})?$'")).isZero();
        assertThat(number("SELECT count(*) FROM languages WHERE language !~ '^[a-z]{2}$'")).isZero();
        assertThat(number("SELECT count(*) FROM countries WHERE country_code !~ '^[A-Z]{2}$'")).isZero();
        assertThat(number("SELECT count(*) FROM attachments WHERE content_type !~ '^[a-z]+/[a-z0-9.+-]+$'"))
                .isZero();
        assertThat(number("SELECT count(*) FROM attachments WHERE type !~ '^[A-Z][A-Za-z]+(::[A-Z][A-Za-z]+)*$'"))
                .isZero();
        assertThat(number("SELECT count(DISTINCT type) FROM attachments")).isBetween(2.0, 12.0);
    }

    @Test
    void enumLabelsAreAllUsed() {
        assertThat(number("SELECT count(DISTINCT rating) FROM films")).isEqualTo(5);
        assertThat(number("SELECT count(DISTINCT tier) FROM subscriptions")).isEqualTo(5);
    }

    @Test
    void jsonDocumentsAreShapedByTheirColumnNameAndVaryInTheirKeys() {
        assertThat(number("SELECT count(DISTINCT (SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(metadata) k))"
                + " FROM films")).isGreaterThan(10);
        assertThat(number("SELECT count(*) FROM attachments WHERE settings IS NOT NULL AND (settings->>'theme' NOT IN"
                + " ('light', 'dark', 'system') OR jsonb_typeof(settings->'notifications') <> 'boolean')")).isZero();
        assertThat(number("SELECT count(settings) FROM attachments")).isPositive();
    }
}
