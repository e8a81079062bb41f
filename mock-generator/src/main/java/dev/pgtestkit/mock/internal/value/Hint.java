package dev.pgtestkit.mock.internal.value;

/**
 * What a column's name suggests about its values. Every field has a neutral default ({@link #NONE}).
 *
 * @param text            realistic text kind, or {@code null}
 * @param idPrefix        prefix for external ids ({@code cus_} for {@code stripe_customer_id}), or {@code null}
 * @param low             lowest natural value (whole units: 1 = 1.00 for numeric(10,2)), or {@code null}
 * @param high            highest natural value, or {@code null}
 * @param choices         the only natural values to use (HTTP status codes), or {@code null}
 * @param nullFraction    share of NULLs when the column is nullable
 * @param trueProbability share of {@code true} for booleans
 * @param temporal        role of a date/time (or epoch number) column
 * @param json            shape of json values
 */
@SuppressWarnings("ArrayRecordComponent") // internal, never compared or hashed: arrays for the hot loops
public record Hint(FakeKind text, String idPrefix, Long low, Long high, long[] choices, double nullFraction,
                   double trueProbability, Temporal temporal, Json json) {

    public static final double DEFAULT_NULL_FRACTION = 0.1;

    public static final Hint NONE = new Hint(null, null, null, null, null, DEFAULT_NULL_FRACTION, 0.5,
            Temporal.NONE, Json.OBJECT);

    public enum Temporal {
        NONE,
        /** A birth date: 1950..2006. */
        BIRTH,
        /** Happens after the row was created: at or after {@code created_at} when the table has one. */
        AFTER_CREATED,
        /** An expiry or due date: may lie up to a year after now (and after {@code created_at}). */
        FUTURE,
        /** A bigint holding epoch milliseconds. */
        EPOCH_MILLIS
    }

    public enum Json { OBJECT, URL_LIST, WORD_LIST, DAY_LIST, NAME_LIST, PERMISSIONS, SETTINGS, ADDRESS, METADATA }

    Hint withText(FakeKind kind) {
        return new Hint(kind, idPrefix, low, high, choices, nullFraction, trueProbability, temporal, json);
    }

    Hint withRange(long lo, long hi) {
        return new Hint(text, idPrefix, lo, hi, choices, nullFraction, trueProbability, temporal, json);
    }

    Hint withChoices(long... values) {
        return new Hint(text, idPrefix, low, high, values, nullFraction, trueProbability, temporal, json);
    }

    Hint withNullFraction(double fraction) {
        return new Hint(text, idPrefix, low, high, choices, fraction, trueProbability, temporal, json);
    }

    Hint withTrueProbability(double p) {
        return new Hint(text, idPrefix, low, high, choices, nullFraction, p, temporal, json);
    }

    Hint withTemporal(Temporal role) {
        return new Hint(text, idPrefix, low, high, choices, nullFraction, trueProbability, role, json);
    }

    Hint withJson(Json shape) {
        return new Hint(text, idPrefix, low, high, choices, nullFraction, trueProbability, temporal, shape);
    }

    Hint withIdPrefix(String prefix) {
        return new Hint(FakeKind.EXTERNAL_ID, prefix, low, high, choices, nullFraction, trueProbability, temporal,
                json);
    }
}
