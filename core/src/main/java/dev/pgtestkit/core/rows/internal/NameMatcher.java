package dev.pgtestkit.core.rows.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Forgiving name matching: exact, then case-insensitive, then ignoring underscores/spaces/camelCase
 * ({@code userId} = {@code user_id}), then ignoring a plural ending ({@code User} = {@code users}).
 * The first level that matches anything wins, so an exact name is never shadowed by a looser one.
 */
public final class NameMatcher {

    private static final int MAX_SUGGESTIONS = 3;

    private NameMatcher() {
    }

    /** Candidates equal to {@code given} at the strictest level that matches; empty on a miss, several when ambiguous. */
    public static List<String> matches(String given, Collection<String> candidates) {
        List<Function<String, String>> levels = List.of(s -> s, s -> s.toLowerCase(Locale.ROOT),
                NameMatcher::normalize, s -> singular(normalize(s)));
        for (Function<String, String> level : levels) {
            String key = level.apply(given);
            List<String> found = candidates.stream().filter(c -> level.apply(c).equals(key)).distinct().toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** Up to three candidates close to {@code given} (edit distance on the normalized forms), closest first. */
    public static List<String> suggestions(String given, Collection<String> candidates) {
        String key = normalize(given);
        int limit = key.length() <= 3 ? 1 : Math.max(2, Math.min(3, key.length() / 3));
        record Scored(String name, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String candidate : candidates) {
            String other = normalize(candidate);
            int distance = Math.min(distance(key, other), distance(singular(key), singular(other)));
            boolean contains = key.length() >= 3 && (other.contains(key) || key.contains(other) && other.length() >= 3);
            if (distance <= limit || contains) {
                scored.add(new Scored(candidate, contains ? Math.min(distance, limit) : distance));
            }
        }
        return scored.stream().sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(MAX_SUGGESTIONS).map(Scored::name).toList();
    }

    /** Lower case without separators: {@code User_ID}, {@code userId} and {@code user id} all become {@code userid}. */
    static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /** English plural endings removed, enough for table names: categories, addresses, users, status. */
    static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("shes") || word.endsWith("ches") || word.endsWith("xes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && word.length() > 2) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
