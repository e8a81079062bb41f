package dev.pgtestkit.core.schema;

import dev.pgtestkit.core.ColumnMatchException;
import dev.pgtestkit.core.SchemaException;
import java.util.List;

/** The exceptions a failed name match turns into, worded as the seed's column matching does. */
final class MatchErrors {

    /** Lists longer than this are cut, so a 1,000-table schema does not produce a 20 KB message. */
    private static final int MAX_LISTED = 40;

    private MatchErrors() {
    }

    /** {@code Column 'userId' not found in table 'users'. Available columns: id, name. Did you mean: user_id?} */
    static ColumnMatchException column(Table table, NameMatcher.Result result) {
        String message;
        if (result.ambiguous()) {
            message = "Column '" + result.wanted() + "' is ambiguous in table '" + display(table.name())
                    + "': it matches " + String.join(", ", result.matches()) + ". Use the exact column name.";
        } else {
            message = "Column '" + result.wanted() + "' not found in table '" + display(table.name())
                    + "'. Available columns: " + list(table.columnNames()) + "." + didYouMean(result);
        }
        List<String> hints = result.ambiguous() ? result.matches() : result.suggestions();
        return new ColumnMatchException(message, table.schema(), table.simpleName(), result.wanted(),
                table.columnNames(), hints);
    }

    /**
     * {@code Table 'userz' not found in schema 'public'. Available tables: orders, users. Did you mean: users?}
     *
     * @param schema the schema searched, or {@code null} when all were
     */
    static SchemaException tableNotFound(String schema, NameMatcher.Result result, List<String> available) {
        String where = schema == null ? "" : " in schema '" + schema + "'";
        return new SchemaException("Table '" + result.wanted() + "' not found" + where + ". Available tables: "
                + list(available) + "." + didYouMean(result), schema, result.wanted());
    }

    /** Several tables match equally well; the caller has to say which. */
    static SchemaException tableAmbiguous(String schema, String wanted, List<String> matches) {
        return new SchemaException("Table '" + wanted + "' is ambiguous: it matches " + String.join(", ", matches)
                + ". Use the exact table name, qualified with its schema (e.g. '" + matches.get(0) + "').",
                schema, wanted);
    }

    /** {@code Schema 'pubic' not found. Available schemas: audit, public. Did you mean: public?} */
    static SchemaException schemaNotFound(NameMatcher.Result result, List<String> available) {
        return new SchemaException("Schema '" + result.wanted() + "' not found. Available schemas: "
                + list(available) + "." + didYouMean(result),
                result.wanted(), null);
    }

    /** A table's name as messages show it: bare in {@code public}, qualified elsewhere. */
    static String display(QualifiedName name) {
        return "public".equals(name.schema()) ? name.name() : name.toString();
    }

    private static String didYouMean(NameMatcher.Result result) {
        return result.suggestions().isEmpty() ? "" : " Did you mean: " + String.join(", ", result.suggestions()) + "?";
    }

    private static String list(List<String> names) {
        if (names.isEmpty()) {
            return "(none)";
        }
        if (names.size() <= MAX_LISTED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_LISTED)) + ", ... (" + (names.size() - MAX_LISTED) + " more)";
    }
}
