package dev.pgtestkit.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table name as a caller writes it, split at the dots outside double quotes: {@code audit.events},
 * {@code "Audit"."Events"}, {@code public."my.table"}. Each part keeps its quotes, so the matching that follows
 * treats a quoted part as it treats a quoted name.
 */
final class NameParts {

    private NameParts() {
    }

    /** A two-part name. */
    record Qualified(String schema, String table) {
    }

    /** {@code name} as schema and table when it has exactly two non-empty parts; otherwise empty. */
    static Optional<Qualified> qualified(String name) {
        List<String> parts = split(name);
        if (parts.size() != 2 || parts.get(0).isEmpty() || parts.get(1).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Qualified(parts.get(0), parts.get(1)));
    }

    private static List<String> split(String name) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                quoted = !quoted; // a doubled quote inside a quoted part toggles twice: still quoted
            }
            if (c == '.' && !quoted) {
                parts.add(part.toString().strip());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString().strip());
        return parts;
    }
}
