package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.CheckConstraint;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.Identity;
import dev.pgtestkit.core.schema.PgType;
import dev.pgtestkit.core.schema.TypeCategory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a composite type's attributes with their full types (enum labels, domain bases and checks, array elements,
 * nested composites by name) from the catalog. The schema registry lists composite types but not their attributes.
 */
final class CompositeCatalog {

    private static final Pattern MODIFIER = Pattern.compile("\\((\\d+)(?:,(-?\\d+))?\\)");

    private final Connection connection;

    CompositeCatalog(Connection connection) {
        this.connection = connection;
    }

    List<Column> attributes(String type) throws SQLException {
        List<Column> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT a.attname, a.atttypid, a.atttypmod FROM pg_attribute a
                WHERE a.attrelid = (SELECT typrelid FROM pg_type WHERE oid = to_regtype(?) AND typtype = 'c')
                  AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""")) {
            ps.setString(1, type);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PgType t = type(rs.getLong(2), rs.getInt(3));
                    out.add(column(rs.getString(1), out.size() + 1, t));
                }
            }
        }
        return out;
    }

    private static Column column(String name, int ordinal, PgType type) {
        PgType root = type.rootType();
        PgType scalar = root.category() == TypeCategory.ARRAY && root.elementType() != null
                ? root.elementType().rootType() : root;
        Matcher m = MODIFIER.matcher(scalar.displayName());
        Integer first = m.find() ? Integer.valueOf(m.group(1)) : null;
        Integer second = first != null && m.group(2) != null ? Integer.valueOf(m.group(2)) : null;
        Integer length = null;
        Integer precision = null;
        Integer scale = null;
        switch (scalar.name()) {
            case "varchar", "bpchar", "bit", "varbit" -> length = first;
            case "numeric" -> {
                precision = first;
                scale = first == null ? null : second == null ? 0 : second;
            }
            default -> precision = first;
        }
        return new Column(name, ordinal, type, true, null, Identity.NONE, null, length, precision, scale, null);
    }

    private PgType type(long oid, int typmod) throws SQLException {
        String schema;
        String name;
        String display;
        char typtype;
        char category;
        long base;
        int baseMod;
        long element;
        boolean notNull;
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT n.nspname, t.typname, format_type(t.oid, NULLIF(?, -1)), t.typtype, t.typcategory,
                       t.typbasetype, t.typtypmod, t.typelem, t.typnotnull
                FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.oid = ?""")) {
            ps.setInt(1, typmod);
            ps.setLong(2, oid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                schema = rs.getString(1);
                name = rs.getString(2);
                display = rs.getString(3);
                typtype = rs.getString(4).charAt(0);
                category = rs.getString(5).charAt(0);
                base = rs.getLong(6);
                baseMod = rs.getInt(7);
                element = rs.getLong(8);
                notNull = rs.getBoolean(9);
            }
        }
        if (typtype == 'e') {
            return new PgType(schema, name, display, TypeCategory.ENUM, labels(oid), null, null, List.of(), false);
        }
        if (typtype == 'd') {
            return new PgType(schema, name, display, TypeCategory.DOMAIN, List.of(), type(base, baseMod), null,
                    checks(oid), notNull);
        }
        if (typtype == 'c') {
            return new PgType(schema, name, display, TypeCategory.COMPOSITE, List.of(), null, null, List.of(), false);
        }
        if (category == 'A' && element != 0) {
            return new PgType(schema, name, display, TypeCategory.ARRAY, List.of(), null, type(element, typmod),
                    List.of(), false);
        }
        return new PgType(schema, name, display, TypeCategory.BASE, List.of(), null, null, List.of(), false);
    }

    private List<String> labels(long oid) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT enumlabel FROM pg_enum WHERE enumtypid = ? ORDER BY enumsortorder")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private List<CheckConstraint> checks(long oid) throws SQLException {
        List<CheckConstraint> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE contypid = ? AND contype = 'c' ORDER BY conname""")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String definition = rs.getString(2);
                    String inner = definition.replaceFirst("^CHECK ", "").replaceFirst(" NOT VALID$", "");
                    String expression = inner.startsWith("(") && inner.endsWith(")")
                            ? inner.substring(1, inner.length() - 1) : inner;
                    out.add(new CheckConstraint(rs.getString(1), definition, expression, List.of()));
                }
            }
        }
        return out;
    }
}
