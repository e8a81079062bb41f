package dev.pgtestkit.mock.internal.value;

import dev.pgtestkit.mock.internal.Rng;
import java.util.Locale;

/**
 * Realistic strings of a {@link FakeKind}: pooled kinds are picked, the others composed from pools. Also fits
 * strings into length bounds and embeds a unique token so that unique columns stay unique by construction.
 */
public final class FakeText {

    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "POST", "PUT", "PATCH", "DELETE"};
    private static final String[] ERRORS = {"ValueError", "TypeError", "KeyError", "TimeoutError",
        "ConnectionError", "PermissionError", "NullPointerException", "IllegalStateException",
        "IndexOutOfBoundsException", "SyntaxError", "ReferenceError", "RateLimitExceeded"};
    private static final String[] STATUSES = {"active", "active", "active", "pending", "inactive", "suspended"};
    private static final String[] TIERS = {"free", "free", "free", "pro", "pro", "team", "enterprise"};
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "DEBUG", "WARNING", "ERROR"};
    private static final char[] ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] BCRYPT = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final FakePools pools;

    public FakeText(FakePools pools) {
        this.pools = pools;
    }

    public FakePools pools() {
        return pools;
    }

    public String generate(FakeKind kind, Rng rng) {
        if (kind.source() != null) {
            return rng.pick(pools.pool(kind));
        }
        return switch (kind) {
            case FULL_NAME -> pick(FakeKind.FIRST_NAME, rng) + " " + pick(FakeKind.LAST_NAME, rng);
            case EMAIL -> ascii(pick(FakeKind.FIRST_NAME, rng)) + "." + ascii(pick(FakeKind.LAST_NAME, rng))
                    + "@" + pick(FakeKind.DOMAIN, rng);
            case USERNAME -> ascii(pick(FakeKind.FIRST_NAME, rng)) + (rng.chance(0.5) ? "_" : "")
                    + ascii(pick(FakeKind.LAST_NAME, rng));
            case URL -> "https://www." + pick(FakeKind.DOMAIN, rng) + "/" + ascii(pick(FakeKind.WORD, rng));
            case URL_PATH -> "/api/v1/" + ascii(pick(FakeKind.WORD, rng)) + "s/" + rng.between(1, 9999);
            case SLUG -> ascii(pick(FakeKind.WORD, rng)) + "-" + ascii(pick(FakeKind.WORD, rng));
            default -> composedCode(kind, rng);
        };
    }

    private String composedCode(FakeKind kind, Rng rng) {
        return switch (kind) {
            case IP_ADDRESS -> rng.between(1, 223) + "." + rng.between(0, 255) + "." + rng.between(0, 255) + "."
                    + rng.between(1, 254);
            case HTTP_METHOD -> rng.pick(METHODS);
            case ERROR_TYPE -> rng.pick(ERRORS);
            case STATUS -> rng.pick(STATUSES);
            case TIER -> rng.pick(TIERS);
            case LEVEL -> rng.pick(LEVELS);
            case TOKEN -> chars(HEX, 32, rng);
            case PASSWORD_HASH -> "$2b$12$" + chars(BCRYPT, 53, rng);
            case CODE -> chars("ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray(), 3, rng) + "-" + rng.between(1000, 9999);
            case EXTERNAL_ID -> chars(ALNUM, 16, rng);
            default -> throw new IllegalStateException("no composition for " + kind);
        };
    }

    private String pick(FakeKind kind, Rng rng) {
        return rng.pick(pools.pool(kind));
    }

    public static String chars(char[] alphabet, int n, Rng rng) {
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = alphabet[rng.index(alphabet.length)];
        }
        return new String(out);
    }

    /** Lower-case ASCII letters and digits only ("O'Conner" becomes "oconner"), for emails and user names. */
    static String ascii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            }
        }
        return sb.length() == 0 ? "x" : sb.toString();
    }

    /**
     * {@code base} cut to at most {@code max} characters (at a word boundary when one is near) and padded with
     * letters to at least {@code min}.
     */
    public static String fit(String base, int min, int max, Rng rng) {
        String s = base;
        if (s.length() > max) {
            int space = s.lastIndexOf(' ', max);
            s = (space > max / 2 ? s.substring(0, space) : s.substring(0, max)).stripTrailing();
        }
        if (s.length() < min) {
            s = s + chars("abcdefghijklmnopqrstuvwxyz".toCharArray(), min - s.length(), rng);
        }
        return s;
    }

    /**
     * {@code base} with {@code token} embedded so that distinct tokens give distinct strings: the token is
     * always the last segment after a separator the token never contains (before the {@code @} of an email),
     * or the whole value. Fits {@code [min, max]}.
     */
    public static String withToken(FakeKind kind, String base, String token, int min, int max, Rng rng) {
        if (kind == FakeKind.EMAIL && base.indexOf('@') > 0) {
            int at = base.indexOf('@');
            String domain = base.substring(at);
            int room = max - domain.length() - token.length() - 1;
            if (room >= 1) {
                String local = fit(base.substring(0, at), Math.max(1, min - domain.length() - token.length() - 1),
                        room, rng);
                return local + "." + token + domain;
            }
        }
        String separator = separator(kind);
        int room = max - token.length() - separator.length();
        if (room < 1) {
            return padToken(token, min);
        }
        String head = fit(base.strip(), Math.max(1, min - token.length() - separator.length()), room, rng);
        return head + separator + token;
    }

    private static String separator(FakeKind kind) {
        return switch (kind) {
            case SLUG, CODE, EXTERNAL_ID -> "-";
            case USERNAME -> "_";
            case URL, URL_PATH -> "/";
            case EMAIL, TOKEN, PASSWORD_HASH -> ".";
            default -> " ";
        };
    }

    /** A bare token, left-padded with zeros (tokens never start with 0, so padding stays unambiguous). */
    static String padToken(String token, int min) {
        return token.length() >= min ? token : "0".repeat(min - token.length()) + token;
    }

    /** Base-36 token of a non-negative coordinate. */
    public static String token(long coordinate) {
        return Long.toString(coordinate, 36).toLowerCase(Locale.ROOT);
    }
}
