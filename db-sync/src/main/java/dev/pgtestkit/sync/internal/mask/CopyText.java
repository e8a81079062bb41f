package dev.pgtestkit.sync.internal.mask;

/**
 * Fields of COPY's text format: tab-separated, {@code \N} for NULL, backslash escapes. {@link #escape} writes what
 * the server's COPY TO writes (so a masked file is as deterministic as an unmasked one); {@link #unescape} reads
 * everything COPY FROM accepts.
 */
public final class CopyText {

    private CopyText() {
    }

    /** The value of an escaped field, or {@code null} for {@code \N}. */
    public static String unescape(String field) {
        if (field.equals("\\N")) {
            return null;
        }
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                out.append(c);
                continue;
            }
            char n = field.charAt(++i);
            switch (n) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000B');
                case 'x' -> {
                    int end = i + 1;
                    while (end < field.length() && end < i + 3 && Character.digit(field.charAt(end), 16) >= 0) {
                        end++;
                    }
                    if (end == i + 1) {
                        out.append('x');
                    } else {
                        out.append((char) Integer.parseInt(field.substring(i + 1, end), 16));
                        i = end - 1;
                    }
                }
                default -> {
                    if (n >= '0' && n <= '7') {
                        int end = i;
                        while (end < field.length() && end < i + 3 && field.charAt(end) >= '0'
                                && field.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) Integer.parseInt(field.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        out.append(n);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The field for a value ({@code null} gives {@code \N}), escaped as the server's COPY TO does. */
    public static String escape(String value) {
        if (value == null) {
            return "\\N";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String esc = switch (c) {
                case '\\' -> "\\\\";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\u000B' -> "\\v";
                default -> null;
            };
            if (esc != null && out == null) {
                out = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (out != null) {
                if (esc != null) {
                    out.append(esc);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }
}
