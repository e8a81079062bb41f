package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.value.FakeKind;
import dev.pgtestkit.mock.internal.value.FakeText;
import dev.pgtestkit.mock.internal.value.Hint;

/**
 * JSON documents shaped by the column name: lists of URLs, words, week days or names, permissions, settings,
 * addresses, metadata (a few keys of a common set, varying per row), objects.
 */
final class JsonSource implements ValueSource {

    private static final String[] THEMES = {"light", "dark", "system"};
    private static final String[] METADATA_KEYS = {"source", "version", "ip", "user_agent", "locale", "retries", "tags",
        "channel", "verified"};
    private static final String[] SOURCES = {"web", "ios", "android", "api", "import", "email", "partner"};

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
            case SETTINGS -> "{\"theme\": " + quote(rng.pick(THEMES)) + ", \"notifications\": " + rng.chance(0.7)
                    + ", \"language\": " + quote(fake.generate(FakeKind.LANGUAGE_CODE, rng)) + ", \"timezone\": "
                    + quote(fake.generate(FakeKind.TIMEZONE, rng)) + "}";
            case ADDRESS -> "{\"street\": " + quote(fake.generate(FakeKind.STREET, rng)) + ", \"city\": "
                    + quote(fake.generate(FakeKind.CITY, rng)) + ", \"postal_code\": "
                    + quote(fake.generate(FakeKind.ZIP, rng)) + ", \"country\": "
                    + quote(fake.generate(FakeKind.COUNTRY_CODE, rng)) + "}";
            case METADATA -> metadata(rng);
            case OBJECT -> "{\"id\": " + rng.between(1, 100_000) + ", \"name\": " + quote(fake.generate(FakeKind.WORD,
                    rng)) + ", \"active\": " + rng.nextBoolean() + ", \"score\": " + rng.between(0, 100) + "}";
        };
    }

    /** Two to five keys of a common set, each with a value of its kind: documents differ in their keys. */
    private String metadata(Rng rng) {
        StringBuilder sb = new StringBuilder("{");
        int keys = (int) rng.between(2, 5);
        int start = rng.index(METADATA_KEYS.length);
        for (int k = 0; k < keys; k++) {
            String key = METADATA_KEYS[(start + k * 3) % METADATA_KEYS.length];
            sb.append(k == 0 ? "" : ", ").append(quote(key)).append(": ").append(metadataValue(key, rng));
        }
        return sb.append('}').toString();
    }

    private String metadataValue(String key, Rng rng) {
        return switch (key) {
            case "version", "retries" -> Long.toString(rng.between(1, key.equals("version") ? 12 : 5));
            case "ip" -> quote(fake.generate(FakeKind.IP_ADDRESS, rng));
            case "user_agent" -> quote(fake.generate(FakeKind.USER_AGENT, rng));
            case "locale" -> quote(fake.generate(FakeKind.LOCALE, rng));
            case "tags" -> list(rng, FakeKind.WORD, 1, 3);
            case "verified" -> Boolean.toString(rng.chance(0.6));
            default -> quote(rng.pick(SOURCES));
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
