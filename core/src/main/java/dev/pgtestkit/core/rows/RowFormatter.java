package dev.pgtestkit.core.rows;

import dev.pgtestkit.core.rows.internal.Json;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Formats rows and values for logs and error messages (the seed's {@code _format_for_logging}): long strings
 * are cut, maps and lists are shown to a limited depth and length, JSON held in strings is shown as structure,
 * and values of secret-looking keys are replaced by {@code ***}. Immutable and thread-safe.
 *
 * <pre>{@code
 * RowFormatter.defaults().format(Map.of("name", "Ada", "password", "x"))  // {name: 'Ada', password: ***}
 * }</pre>
 */
public final class RowFormatter {

    /** Keys whose values are never shown: password, passwd, secret, token, api_key, private_key, credential. */
    public static final Pattern DEFAULT_SECRET_KEYS =
            Pattern.compile("(?i).*(passw(or)?d|secret|token|api_?key|private_?key|credential).*");

    private static final RowFormatter DEFAULTS = builder().build();

    private final int maxStringLength;
    private final int maxItems;
    private final int maxDepth;
    private final Pattern secretKeys;

    private RowFormatter(Builder builder) {
        this.maxStringLength = builder.maxStringLength;
        this.maxItems = builder.maxItems;
        this.maxDepth = builder.maxDepth;
        this.secretKeys = builder.secretKeys;
    }

    /** Strings cut at 120 characters, 10 items per map or list, 3 levels deep, {@link #DEFAULT_SECRET_KEYS} hidden. */
    public static RowFormatter defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One line describing {@code value}; {@code null} gives {@code null}. */
    public String format(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.toString();
    }

    private void append(StringBuilder out, Object value, int depth) {
        if (value instanceof CharSequence text) {
            appendText(out, text.toString(), depth);
        } else if (value instanceof Map<?, ?> map) {
            appendMap(out, map, depth);
        } else if (value instanceof byte[] bytes) {
            appendBytes(out, bytes);
        } else if (Json.isJsonNode(value)) {
            append(out, Json.toJava(value), depth);
        } else if (value instanceof Iterable<?> || (value != null && value.getClass().isArray())) {
            appendList(out, asList(value), depth);
        } else {
            out.append(value);
        }
    }

    private void appendText(StringBuilder out, String text, int depth) {
        Optional<Object> json = Json.parseStructure(text);
        if (json.isPresent()) {
            append(out, json.get(), depth);
            return;
        }
        out.append('\'').append(truncate(text)).append('\'');
    }

    private String truncate(String text) {
        if (text.length() <= maxStringLength) {
            return text;
        }
        return text.substring(0, maxStringLength) + "…(+" + (text.length() - maxStringLength) + " chars)";
    }

    private void appendMap(StringBuilder out, Map<?, ?> map, int depth) {
        if (depth >= maxDepth && !map.isEmpty()) {
            out.append("{…").append(map.size()).append(" keys}");
            return;
        }
        out.append('{');
        int shown = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (shown == maxItems) {
                out.append(", …(+").append(map.size() - shown).append(" more)");
                break;
            }
            out.append(shown++ == 0 ? "" : ", ").append(entry.getKey()).append(": ");
            if (isSecret(entry.getKey()) && entry.getValue() != null) {
                out.append("***");
            } else {
                append(out, entry.getValue(), depth + 1);
            }
        }
        out.append('}');
    }

    private boolean isSecret(Object key) {
        return secretKeys != null && key != null && secretKeys.matcher(key.toString()).matches();
    }

    private void appendList(StringBuilder out, List<?> list, int depth) {
        if (depth >= maxDepth && !list.isEmpty()) {
            out.append("[…").append(list.size()).append(" items]");
            return;
        }
        out.append('[');
        Iterator<?> items = list.iterator();
        for (int i = 0; items.hasNext(); i++) {
            if (i == maxItems) {
                out.append(", …(+").append(list.size() - i).append(" more)");
                break;
            }
            out.append(i == 0 ? "" : ", ");
            append(out, items.next(), depth + 1);
        }
        out.append(']');
    }

    private void appendBytes(StringBuilder out, byte[] bytes) {
        out.append("\\x");
        int shown = Math.min(bytes.length, Math.max(1, maxStringLength / 2));
        for (int i = 0; i < shown; i++) {
            out.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
        }
        if (shown < bytes.length) {
            out.append("…");
        }
        out.append(" (").append(bytes.length).append(" bytes)");
    }

    private static List<?> asList(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        List<Object> items = new ArrayList<>();
        if (value instanceof Iterable<?> iterable) {
            iterable.forEach(items::add);
        } else {
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
        }
        return items;
    }

    /** Builder for {@link RowFormatter}. */
    public static final class Builder {

        private int maxStringLength = 120;
        private int maxItems = 10;
        private int maxDepth = 3;
        private Pattern secretKeys = DEFAULT_SECRET_KEYS;

        private Builder() {
        }

        /** Characters of a string shown before it is cut (default 120, at least 1). */
        public Builder maxStringLength(int maxStringLength) {
            this.maxStringLength = maxStringLength;
            return this;
        }

        /** Entries of a map or list shown (default 10, at least 1). */
        public Builder maxItems(int maxItems) {
            this.maxItems = maxItems;
            return this;
        }

        /** Nesting levels shown before a map or list is summarized (default 3, at least 1). */
        public Builder maxDepth(int maxDepth) {
            this.maxDepth = maxDepth;
            return this;
        }

        /** Keys (full match) whose values are shown as {@code ***}; {@code null} shows everything. */
        public Builder secretKeys(Pattern secretKeys) {
            this.secretKeys = secretKeys;
            return this;
        }

        public RowFormatter build() {
            requirePositive(maxStringLength, "maxStringLength");
            requirePositive(maxItems, "maxItems");
            requirePositive(maxDepth, "maxDepth");
            return new RowFormatter(this);
        }

        private static void requirePositive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
        }
    }
}
