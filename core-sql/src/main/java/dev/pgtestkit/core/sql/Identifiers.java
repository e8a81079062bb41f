package dev.pgtestkit.core.sql;

/** Quoting of SQL identifiers; every identifier pgtestkit puts into SQL goes through here. */
public final class Identifiers {

    private Identifiers() {
    }

    /** {@code my"table} becomes {@code "my""table"}. */
    public static String quote(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("identifier must not be empty");
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier contains a NUL character");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
