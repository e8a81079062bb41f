package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.value.FakeKind;
import dev.pgtestkit.mock.internal.value.FakeText;
import java.util.List;

/**
 * Literal forms to try on an extension type's input function ({@link ExtensionTypes}): key/value pairs (hstore),
 * dotted label paths (ltree), parenthesised number tuples (cube), {@code a .. b} ranges (seg), numbers, words.
 */
enum LiteralShape {
    KEY_VALUES("key => value pairs") {
        @Override
        String generate(Rng rng, FakeText fake) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0, n = (int) rng.between(1, 3); i < n; i++) {
                sb.append(i == 0 ? "" : ", ").append('"').append(label(rng, fake)).append("\"=>\"")
                        .append(rng.chance(0.5) ? label(rng, fake) : Long.toString(rng.between(1, 999))).append('"');
            }
            return sb.toString();
        }
    },
    LABEL_PATH("dotted label paths") {
        @Override
        String generate(Rng rng, FakeText fake) {
            StringBuilder sb = new StringBuilder(label(rng, fake));
            for (int i = 1, n = (int) rng.between(1, 4); i < n; i++) {
                sb.append('.').append(label(rng, fake));
            }
            return sb.toString();
        }
    },
    TUPLE("number tuples") {
        @Override
        String generate(Rng rng, FakeText fake) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0, n = (int) rng.between(1, 3); i < n; i++) {
                sb.append(i == 0 ? "" : ", ").append(decimal(rng));
            }
            return sb.append(')').toString();
        }
    },
    NUMBER_RANGE("a .. b ranges") {
        @Override
        String generate(Rng rng, FakeText fake) {
            long lo = rng.between(0, 9_000);
            return lo / 10.0 + " .. " + (lo + rng.between(1, 1_000)) / 10.0;
        }
    },
    INTEGER("integers") {
        @Override
        String generate(Rng rng, FakeText fake) {
            return Long.toString(rng.between(1, 10_000));
        }
    },
    DECIMAL("decimals") {
        @Override
        String generate(Rng rng, FakeText fake) {
            return decimal(rng);
        }
    },
    WORD("words") {
        @Override
        String generate(Rng rng, FakeText fake) {
            return fake.generate(FakeKind.WORD, rng);
        }
    };

    private final String description;

    LiteralShape(String description) {
        this.description = description;
    }

    /** One literal of this form. */
    abstract String generate(Rng rng, FakeText fake);

    /** The forms worth trying for a type of this {@code pg_type.typcategory}, most specific first. */
    static List<LiteralShape> forCategory(char category) {
        return switch (category) {
            case 'S' -> List.of(WORD);
            case 'N' -> List.of(INTEGER, DECIMAL);
            case 'C', 'A', 'P', 'X' -> List.of(); // composite, array, pseudo, unknown: not literals of one form
            default -> List.of(values());
        };
    }

    String description() {
        return description;
    }

    private static String label(Rng rng, FakeText fake) {
        String word = fake.generate(FakeKind.WORD, rng);
        StringBuilder sb = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            if (c >= 'a' && c <= 'z') {
                sb.append(c);
            }
        }
        return sb.length() == 0 ? "x" : sb.toString();
    }

    private static String decimal(Rng rng) {
        return Long.toString(rng.between(-1000, 1000)) + "." + rng.between(0, 9);
    }
}
