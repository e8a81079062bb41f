package dev.pgtestkit.querylog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which columns hold secrets whose values never appear in events, logs or reports. A parameter or literal is
 * matched to its column by the SQL around it ({@code INSERT INTO t (a, password) VALUES (?, ?)},
 * {@code password = ?}, {@code token IN (?, ?)}, and named callable parameters); matched values become
 * {@value QueryEvent#REDACTED}.
 *
 * <p>The defaults treat a column as secret when its name contains {@code password}, {@code passwd}, {@code secret},
 * {@code token}, {@code apikey} or {@code credential}, or when one of its words (split at {@code _}, {@code -} and
 * camel case) is {@code pwd}, {@code pass}, {@code key}, {@code hash} or {@code salt}: {@code api_key},
 * {@code passwordHash} and {@code refresh_token} are secret, {@code monkey} and {@code keyboard} are not.
 * Immutable.
 */
public final class RedactionRules {

    private static final List<String> SECRET_FRAGMENTS =
            List.of("password", "passwd", "secret", "token", "apikey", "credential");
    private static final Set<String> SECRET_WORDS = Set.of("pwd", "pass", "key", "hash", "salt");
    private static final Pattern WORD_BOUNDARY = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");

    private final boolean defaults;
    private final List<Pattern> patterns;

    private RedactionRules(boolean defaults, List<Pattern> patterns) {
        this.defaults = defaults;
        this.patterns = List.copyOf(patterns);
    }

    /** The default secret-looking names (see the class comment). */
    public static RedactionRules defaults() {
        return new RedactionRules(true, List.of());
    }

    /** Redacts nothing (until patterns are added with {@link #withPattern(String)}). */
    public static RedactionRules none() {
        return new RedactionRules(false, List.of());
    }

    /**
     * These rules plus columns whose name matches {@code regex} somewhere, case-insensitively
     * (e.g. {@code "^ssn$"} or {@code "iban"}).
     *
     * @throws IllegalArgumentException when the expression does not compile
     */
    public RedactionRules withPattern(String regex) {
        Objects.requireNonNull(regex, "regex");
        List<Pattern> copy = new ArrayList<>(patterns);
        try {
            copy.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("Redaction pattern '" + regex + "' is not a valid regular expression: "
                    + e.getDescription() + ". Use java.util.regex syntax, e.g. \"^ssn$\".", e);
        }
        return new RedactionRules(defaults, copy);
    }

    /** Whether values of {@code column} (unquoted name, any case; null means unknown) must be redacted. */
    public boolean isSecret(String column) {
        if (column == null || column.isEmpty()) {
            return false;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(column).find()) {
                return true;
            }
        }
        return defaults && looksSecret(column);
    }

    private static boolean looksSecret(String column) {
        String lower = column.toLowerCase(Locale.ROOT);
        for (String fragment : SECRET_FRAGMENTS) {
            if (lower.contains(fragment)) {
                return true;
            }
        }
        for (String word : WORD_BOUNDARY.split(column)) {
            if (SECRET_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "RedactionRules[defaults=" + defaults + ", patterns=" + patterns + "]";
    }
}
