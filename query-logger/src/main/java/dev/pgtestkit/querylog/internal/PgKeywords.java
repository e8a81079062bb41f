package dev.pgtestkit.querylog.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL 17's keywords with their categories, as {@code pg_get_keywords()} lists them (a test compares the two),
 * so that the normalized form quotes an identifier exactly when the server's {@code quote_ident} would.
 */
final class PgKeywords {

    /** {@code pg_get_keywords().catcode}. */
    enum Category {
        /** {@code U}: usable as any name. */
        UNRESERVED,
        /** {@code C}: a column name but not a function or type name. */
        COLUMN_NAME,
        /** {@code T}: a type or function name but not a column name. */
        TYPE_FUNC_NAME,
        /** {@code R}: never a name without quotes. */
        RESERVED
    }

    static final String RESOURCE = "pg17-keywords.tsv";

    private static final Map<String, Category> KEYWORDS = load();

    private PgKeywords() {
    }

    /** The category of {@code word} (any case), or null when it is no keyword. */
    static Category category(String word) {
        return KEYWORDS.get(word.toLowerCase(Locale.ROOT));
    }

    /** Every keyword, lower case, with its category. */
    static Map<String, Category> all() {
        return KEYWORDS;
    }

    /**
     * Whether the identifier (its exact name, after unquoting) must be quoted to mean itself: not lower-case letters,
     * digits and underscores starting with a letter or underscore, or a keyword that is not unreserved (the rules of
     * the server's {@code quote_ident}).
     */
    static boolean needsQuotes(String name) {
        if (name.isEmpty()) {
            return true;
        }
        char first = name.charAt(0);
        if (!((first >= 'a' && first <= 'z') || first == '_')) {
            return true;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                return true;
            }
        }
        Category category = KEYWORDS.get(name);
        return category != null && category != Category.UNRESERVED;
    }

    private static Map<String, Category> load() {
        Map<String, Category> keywords = new HashMap<>();
        try (InputStream in = PgKeywords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the query-logger jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                keywords.put(line.substring(0, tab), switch (line.charAt(tab + 1)) {
                    case 'U' -> Category.UNRESERVED;
                    case 'C' -> Category.COLUMN_NAME;
                    case 'T' -> Category.TYPE_FUNC_NAME;
                    default -> Category.RESERVED;
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
        return Map.copyOf(keywords);
    }
}
