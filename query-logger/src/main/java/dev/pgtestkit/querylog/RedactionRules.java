package dev.pgtestkit.querylog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
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

    /** What an INSERT without a column list writes to when the column order is unknown: maybe a secret. */
    private static final String UNKNOWN_INSERT_COLUMN = "?insert-column-unknown";

    /** Immutable and stateless, so one instance each: loggers with them can share analyzed SQL. */
    private static final RedactionRules DEFAULTS = new RedactionRules(true, List.of(), RedactionRules::noColumnOrder);
    private static final RedactionRules NONE = new RedactionRules(false, List.of(), RedactionRules::noColumnOrder);

    private final boolean defaults;
    private final List<Pattern> patterns;
    private final Function<String, List<String>> columnOrder;

    private RedactionRules(boolean defaults, List<Pattern> patterns, Function<String, List<String>> columnOrder) {
        this.defaults = defaults;
        this.patterns = List.copyOf(patterns);
        this.columnOrder = columnOrder;
    }

    /** The default secret-looking names (see the class comment). */
    public static RedactionRules defaults() {
        return DEFAULTS;
    }

    /** Redacts nothing (until patterns are added with {@link #withPattern(String)}). */
    public static RedactionRules none() {
        return NONE;
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
        return new RedactionRules(defaults, copy, columnOrder);
    }

    /**
     * These rules, reading the values of an {@code INSERT} without a column list ({@code INSERT INTO users VALUES
     * (?, ?, ?)}) by the table's column order: {@code columnOrder} answers the column names of a table as the
     * statement names it ({@code users} or {@code public.users}), or null when it does not know the table (the
     * schema registry of pgtestkit-core knows them). Without a known order, every value of such an INSERT is
     * treated as secret. Called once per distinct SQL string.
     */
    public RedactionRules withColumnOrder(Function<String, List<String>> columnOrder) {
        return new RedactionRules(defaults, patterns, Objects.requireNonNull(columnOrder, "columnOrder"));
    }

    /**
     * These rules without a column order: which names are secret, and nothing the catalog says. The built-in instance
     * ({@link #defaults()}, {@link #none()}) when no pattern was added.
     */
    public RedactionRules withoutColumnOrder() {
        if (patterns.isEmpty()) {
            return defaults ? DEFAULTS : NONE;
        }
        return new RedactionRules(defaults, patterns, RedactionRules::noColumnOrder);
    }

    private static List<String> noColumnOrder(String table) {
        return null;
    }

    /** The column order of {@code table} (see {@link #withColumnOrder}), or null when unknown. */
    public List<String> columnOrder(String table) {
        try {
            return columnOrder.apply(table);
        } catch (RuntimeException e) {
            return null; // unknown: every value is treated as secret
        }
    }

    /** Whether values of {@code column} (unquoted name, any case; null means unknown) must be redacted. */
    public boolean isSecret(String column) {
        if (column == null || column.isEmpty()) {
            return false;
        }
        if (column.equals(UNKNOWN_INSERT_COLUMN)) {
            return defaults || !patterns.isEmpty();
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
        for (String word : WORD_BOUNDARY.split(column, -1)) {
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
