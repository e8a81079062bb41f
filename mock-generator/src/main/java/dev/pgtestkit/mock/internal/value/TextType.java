package dev.pgtestkit.mock.internal.value;

/**
 * text, varchar(n), char(n), name, citext. Text order depends on the collation, so text is treated as
 * unordered: ranges over text are left to the server.
 *
 * @param maxLength the length limit, or {@code null}
 * @param fixed     {@code char(n)}: trailing spaces do not count
 */
public record TextType(String displayName, Integer maxLength, boolean fixed) implements ValueType {

    @Override
    public Object parse(String text) {
        return text;
    }

    @Override
    public int compare(Object a, Object b) {
        return strip(a.toString()).equals(strip(b.toString())) ? 0 : 1;
    }

    private String strip(String s) {
        return fixed ? s.stripTrailing() : s;
    }
}
