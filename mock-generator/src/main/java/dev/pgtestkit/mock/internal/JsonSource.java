package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.value.FakeKind;
import dev.pgtestkit.mock.internal.value.FakeText;
import dev.pgtestkit.mock.internal.value.Hint;

/** JSON documents shaped by the column name: lists of URLs, words, week days or names, permissions, objects. */
final class JsonSource implements ValueSource {

    private final Hint.Json shape;
    private final FakeText fake;

    JsonSource(Hint.Json shape, FakeText fake) {
        this.shape = shape;
        this.fake = fake;
    }

    @Override
    public Object next(Rng rng, RowBuffer row) {
        return switch (shape) {
            case URL_LIST -> list(rng, FakeKind.URL, 0, 3);
            case WORD_LIST -> list(rng, FakeKind.WORD, 0, 5);
            case NAME_LIST -> list(rng, FakeKind.FULL_NAME, 0, 3);
            case DAY_LIST -> days(rng);
            case PERMISSIONS -> "{\"read\": true, \"write\": " + rng.nextBoolean() + ", \"admin\": "
                    + rng.chance(0.2) + "}";
            case OBJECT -> "{\"id\": " + rng.between(1, 100_000) + ", \"name\": " + quote(fake.generate(FakeKind.WORD,
                    rng)) + ", \"active\": " + rng.nextBoolean() + ", \"score\": " + rng.between(0, 100) + "}";
        };
    }

    private String list(Rng rng, FakeKind kind, int min, int max) {
        int n = (int) rng.between(min, max);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(quote(fake.generate(kind, rng)));
        }
        return sb.append(']').toString();
    }

    private static String days(Rng rng) {
        StringBuilder sb = new StringBuilder("[");
        for (int d = 1; d <= 7; d++) {
            if (rng.chance(0.7)) {
                sb.append(sb.length() > 1 ? ", " : "").append(d);
            }
        }
        return sb.append(']').toString();
    }

    /** A JSON string literal. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
