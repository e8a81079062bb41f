package dev.pgtestkit.core.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Forgiving name matching (the seed's "intelligent column matching"): finds which of a table's columns, or of a
 * schema's tables, a caller meant. Tries, in order, and stops at the first rule that matches anything:
 * <ol>
 *   <li>the exact name (surrounding double quotes removed, {@code ""} unescaped);</li>
 *   <li>the same name ignoring case;</li>
 *   <li>the same words ignoring case and separators: {@code userId}, {@code user_id}, {@code User ID},
 *       {@code user-id} are one name;</li>
 *   <li>the same words with the last one singular or plural: {@code users}/{@code user},
 *       {@code categories}/{@code category}, {@code statuses}/{@code status}, {@code people}/{@code person}.</li>
 * </ol>
 * A rule that matches more than one name makes the result {@linkplain Result#ambiguous() ambiguous}: the caller
 * reports an error, it never guesses. When nothing matches, {@link Result#suggestions()} holds up to three
 * names close in spelling (edit distance on the normalised names). Stateless and thread-safe.
 */
public final class NameMatcher {

    private static final int MAX_SUGGESTIONS = 3;
    private static final Map<String, String> IRREGULAR_PLURALS = Map.of(
            "people", "person", "children", "child", "men", "man", "women", "woman", "mice", "mouse",
            "geese", "goose", "indices", "index", "matrices", "matrix", "vertices", "vertex", "criteria", "criterion");

    private NameMatcher() {
    }

    /**
     * The outcome of one match.
     *
     * @param wanted      the name as the caller gave it
     * @param matches     the candidates the first matching rule found: one when found, several when ambiguous,
     *                    none on a miss
     * @param suggestions on a miss, up to three candidates close in spelling, closest first; otherwise empty
     */
    public record Result(String wanted, List<String> matches, List<String> suggestions) {

        public Result {
            matches = List.copyOf(matches);
            suggestions = List.copyOf(suggestions);
        }

        public boolean found() {
            return matches.size() == 1;
        }

        public boolean ambiguous() {
            return matches.size() > 1;
        }

        /** The single match; {@link IllegalStateException} when there is none or more than one. */
        public String match() {
            if (!found()) {
                throw new IllegalStateException("'" + wanted + "' matched " + matches);
            }
            return matches.get(0);
        }
    }

    /**
     * Matches {@code wanted} against {@code candidates} (catalog names, unquoted).
     *
     * @param wanted     the caller's name, possibly quoted; not {@code null}
     * @param candidates the names to choose from; duplicates count once
     */
    public static Result match(String wanted, Collection<String> candidates) {
        String name = unquote(wanted);
        Set<String> distinct = new LinkedHashSet<>(candidates);
        List<Function<String, Set<String>>> rules = List.of(
                Set::of, n -> Set.of(n.toLowerCase(Locale.ROOT)), n -> Set.of(normalize(n)), NameMatcher::forms);
        for (Function<String, Set<String>> rule : rules) {
            Set<String> keys = rule.apply(name);
            List<String> matches = distinct.stream()
                    .filter(c -> rule.apply(c).stream().anyMatch(keys::contains)).toList();
            if (!matches.isEmpty()) {
                return new Result(wanted, matches, List.of());
            }
        }
        return new Result(wanted, List.of(), suggestions(name, distinct));
    }

    /**
     * The comparison form of a name: its words lower-cased and joined without separators, so
     * {@code userId}, {@code user_id} and {@code "User ID"} all give {@code userid}.
     */
    public static String normalize(String name) {
        return String.join("", words(unquote(name)));
    }

    /** Removes one pair of surrounding double quotes and unescapes {@code ""}; other names are returned as is. */
    static String unquote(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name;
    }

    /** Lower-case words: split at underscores, spaces, hyphens, dots and camelCase humps ({@code HTTPCode}: http, code). */
    static List<String> words(String name) {
        String spaced = name
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        List<String> words = new ArrayList<>();
        for (String word : spaced.split("[\\s_.\\-]+", -1)) {
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** The normalised name with its last word in every singular/plural form it could stand for. */
    private static Set<String> forms(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) {
            return Set.of(name);
        }
        String prefix = String.join("", words.subList(0, words.size() - 1));
        Set<String> forms = new HashSet<>();
        for (String last : lastWordForms(words.get(words.size() - 1))) {
            forms.add(prefix + last);
        }
        return forms;
    }

    private static Set<String> lastWordForms(String word) {
        Set<String> forms = new HashSet<>();
        forms.add(word);
        IRREGULAR_PLURALS.forEach((plural, singular) -> {
            if (word.equals(plural)) {
                forms.add(singular);
            }
        });
        if (word.endsWith("ies") && word.length() > 4) {
            forms.add(word.substring(0, word.length() - 3) + "y");
        }
        if (word.endsWith("es") && word.length() > 3) {
            forms.add(word.substring(0, word.length() - 2));
        }
        if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 2) {
            forms.add(word.substring(0, word.length() - 1));
        }
        return forms;
    }

    private static List<String> suggestions(String name, Collection<String> candidates) {
        String normalized = normalize(name);
        int limit = Math.max(1, normalized.length() / 3);
        record Scored(String candidate, int distance) {
        }
        return candidates.stream()
                .map(c -> new Scored(c, EditDistance.between(normalized, normalize(c))))
                .filter(s -> s.distance() <= limit)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
                .limit(MAX_SUGGESTIONS)
                .map(Scored::candidate)
                .toList();
    }
}
