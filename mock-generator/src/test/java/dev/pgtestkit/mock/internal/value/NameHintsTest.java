package dev.pgtestkit.mock.internal.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameHintsTest {

    @Test
    void textKindsFromColumnNames() {
        assertThat(NameHints.forColumn("users", "email", false, false).text()).isEqualTo(FakeKind.EMAIL);
        assertThat(NameHints.forColumn("users", "firstName", false, false).text()).isEqualTo(FakeKind.FIRST_NAME);
        assertThat(NameHints.forColumn("users", "name", false, false).text()).isEqualTo(FakeKind.FULL_NAME);
        assertThat(NameHints.forColumn("products", "name", false, false).text()).isEqualTo(FakeKind.PRODUCT);
        assertThat(NameHints.forColumn("usage_logs", "ip_address", false, false).text())
                .isEqualTo(FakeKind.IP_ADDRESS);
        assertThat(NameHints.forColumn("t", "home_city", false, false).text()).isEqualTo(FakeKind.CITY);
        assertThat(NameHints.forColumn("t", "hashed_password", false, false).text())
                .isEqualTo(FakeKind.PASSWORD_HASH);
    }

    @Test
    void externalIdsGetAPrefixFromTheirOwner() {
        Hint h = NameHints.forColumn("users", "stripe_customer_id", false, false);
        assertThat(h.text()).isEqualTo(FakeKind.EXTERNAL_ID);
        assertThat(h.idPrefix()).isEqualTo("cus_");
    }

    @Test
    void numbersGetNaturalRanges() {
        Hint price = NameHints.forColumn("t", "unit_price", true, false);
        assertThat(price.low()).isEqualTo(1);
        assertThat(price.high()).isEqualTo(100);
        assertThat(NameHints.forColumn("t", "replacement_cost", true, false).high()).isEqualTo(1000);
        assertThat(NameHints.forColumn("t", "is_manager", true, false).high()).isEqualTo(1);
        assertThat(NameHints.forColumn("t", "active", true, false).high()).isEqualTo(1);
        assertThat(NameHints.forColumn("t", "discount_rate", true, false).high()).isEqualTo(1);
        assertThat(NameHints.forColumn("t", "hourly_rate", true, false).low()).isEqualTo(10);
        assertThat(NameHints.forColumn("t", "rental_duration", true, false).high()).isEqualTo(14);
        assertThat(NameHints.forColumn("t", "duration_minutes", true, false).high()).isEqualTo(240);
        assertThat(NameHints.forColumn("t", "length", true, false).high()).isEqualTo(200);
        assertThat(NameHints.forColumn("t", "expires_at", false, true).temporal()).isEqualTo(Hint.Temporal.FUTURE);
        assertThat(NameHints.forColumn("t", "default_currency", false, false).text()).isEqualTo(FakeKind.CURRENCY);
        assertThat(NameHints.forColumn("t", "locale", false, false).text()).isEqualTo(FakeKind.LOCALE);
        assertThat(NameHints.forColumn("t", "content_type", false, false).text()).isEqualTo(FakeKind.MIME_TYPE);
        assertThat(NameHints.forColumn("media_attachments", "type", false, false).idPrefix())
                .isEqualTo("MediaAttachment::");
        assertThat(NameHints.forColumn("t", "discount_pct", true, false).high()).isEqualTo(100);
        assertThat(NameHints.forColumn("t", "status_code", true, false).choices()).contains(200, 404);
        assertThat(NameHints.forColumn("t", "created_at", true, false).temporal())
                .isEqualTo(Hint.Temporal.EPOCH_MILLIS);
    }

    @Test
    void rareEventsAreMostlyNullAndLaterEventsFollowCreation() {
        Hint deleted = NameHints.forColumn("t", "deleted_at", false, true);
        assertThat(deleted.nullFraction()).isEqualTo(0.7);
        assertThat(deleted.temporal()).isEqualTo(Hint.Temporal.AFTER_CREATED);
        assertThat(NameHints.forColumn("t", "birth_date", false, true).temporal()).isEqualTo(Hint.Temporal.BIRTH);
        assertThat(NameHints.forColumn("t", "is_active", false, false).trueProbability()).isEqualTo(0.85);
    }
}
