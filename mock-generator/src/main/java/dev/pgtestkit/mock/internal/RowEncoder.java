package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.CopyFormat;

/**
 * Encodes rows for COPY: text format (tab-separated, {@code \N} for NULL, backslash escapes) or CSV (every
 * non-null value quoted, so an empty string and NULL stay distinct). Not thread-safe: one per thread.
 */
public final class RowEncoder {

    private final CopyFormat format;
    private final StringBuilder value = new StringBuilder(64);

    public RowEncoder(CopyFormat format) {
        this.format = format;
    }

    /**
     * Appends one row and its line end.
     *
     * @param asNull positions written as NULL whatever their value (foreign keys filled in later), or null
     */
    public void append(StringBuilder out, Object[] row, boolean[] asNull) {
        for (int p = 0; p < row.length; p++) {
            if (p > 0) {
                out.append(format == CopyFormat.TEXT ? '\t' : ',');
            }
            Object v = row[p];
            if (v == null || (asNull != null && asNull[p])) {
                if (format == CopyFormat.TEXT) {
                    out.append("\\N");
                }
                continue;
            }
            value.setLength(0);
            PgText.append(value, v);
            if (format == CopyFormat.TEXT) {
                escapeText(out, value);
            } else {
                quoteCsv(out, value);
            }
        }
        out.append('\n');
    }

    private static void escapeText(StringBuilder out, CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
    }

    private static void quoteCsv(StringBuilder out, CharSequence s) {
        out.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }
}
