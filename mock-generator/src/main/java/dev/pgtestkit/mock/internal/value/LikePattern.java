package dev.pgtestkit.mock.internal.value;

import dev.pgtestkit.mock.internal.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A SQL LIKE pattern ({@code %} any run, {@code _} one character, backslash escapes): tests strings and builds
 * strings that match it, so a check such as {@code email LIKE '%_@_%'} holds by construction.
 */
public final class LikePattern {

    private static final char[] LETTERS = "abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final String pattern;
    private final boolean caseInsensitive;
    private final List<Object> parts = new ArrayList<>();
    private final Pattern regex;
    private final int fixedLength;
    private final int anyRuns;

    /** {@code %} and {@code _} become these markers in {@link #parts}; everything else is a literal String. */
    private enum Wild { ANY_RUN, ONE }

    public LikePattern(String pattern, boolean caseInsensitive) {
        this.pattern = pattern;
        this.caseInsensitive = caseInsensitive;
        StringBuilder re = new StringBuilder();
        int fixed = 0;
        int runs = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                c = pattern.charAt(++i);
                addLiteral(c, re);
                fixed++;
            } else if (c == '%') {
                parts.add(Wild.ANY_RUN);
                re.append("(?s:.*)");
                runs++;
            } else if (c == '_') {
                parts.add(Wild.ONE);
                re.append("(?s:.)");
                fixed++;
            } else {
                addLiteral(c, re);
                fixed++;
            }
        }
        this.fixedLength = fixed;
        this.anyRuns = runs;
        this.regex = Pattern.compile(re.toString(), caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    private void addLiteral(char c, StringBuilder re) {
        parts.add(String.valueOf(c));
        re.append(Pattern.quote(String.valueOf(c)));
    }

    public String pattern() {
        return pattern;
    }

    public boolean matches(String s) {
        return regex.matcher(s).matches();
    }

    /** Shortest length a match can have. */
    public int minLength() {
        return fixedLength;
    }

    /** Whether matches can be arbitrarily long (the pattern has a {@code %}). */
    public boolean open() {
        return anyRuns > 0;
    }

    /**
     * A matching string of length within [min, max] when possible. With a {@code token}, the first {@code %}
     * starts with {@code token + "."}, which makes distinct tokens give distinct strings (the rest is letters).
     */
    public String generate(Rng rng, int min, int max, String token) {
        int tokenLength = token == null ? 0 : token.length() + 1;
        int budget = anyRuns == 0 ? 0 : Math.max(0, Math.min(max, Math.max(min, fixedLength + 8)) - fixedLength
                - tokenLength);
        StringBuilder sb = new StringBuilder();
        boolean tokenPlaced = token == null;
        int runsLeft = anyRuns;
        for (Object part : parts) {
            if (part == Wild.ONE) {
                sb.append(LETTERS[rng.index(LETTERS.length)]);
            } else if (part == Wild.ANY_RUN) {
                if (!tokenPlaced) {
                    sb.append(token).append('.');
                    tokenPlaced = true;
                }
                int n = runsLeft == 1 ? budget : (int) rng.between(0, budget);
                budget -= n;
                runsLeft--;
                sb.append(FakeText.chars(LETTERS, n, rng));
            } else {
                String literal = (String) part;
                sb.append(caseInsensitive ? literal.toLowerCase(Locale.ROOT) : literal);
            }
        }
        return sb.toString();
    }
}
