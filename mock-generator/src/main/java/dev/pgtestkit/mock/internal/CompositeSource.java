package dev.pgtestkit.mock.internal;

import java.util.List;

/**
 * A composite value as Postgres' row literal, {@code (a,b,c)}: a NULL attribute is empty; an attribute that is
 * empty or holds quotes, backslashes, commas, parentheses or spaces is double-quoted with quotes and backslashes
 * escaped. The COPY layer escapes the whole literal again, as for any text.
 */
final class CompositeSource implements ValueSource {

    private final List<ValueSource> attributes;

    CompositeSource(List<ValueSource> attributes) {
        this.attributes = List.copyOf(attributes);
    }

    @Override
    public Object next(Rng rng, RowBuffer row) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < attributes.size(); i++) {
            Object v = attributes.get(i).next(rng, row);
            if (v == INFEASIBLE) {
                return INFEASIBLE;
            }
            if (i > 0) {
                sb.append(',');
            }
            if (v != null) {
                appendAttribute(sb, PgText.format(v));
            }
        }
        return sb.append(')').toString();
    }

    static void appendAttribute(StringBuilder sb, String text) {
        if (!needsQuotes(text)) {
            sb.append(text);
            return;
        }
        PgText.quoteElement(sb, text);
    }

    private static boolean needsQuotes(String text) {
        if (text.isEmpty()) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == ',' || c == '(' || c == ')' || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }
}
