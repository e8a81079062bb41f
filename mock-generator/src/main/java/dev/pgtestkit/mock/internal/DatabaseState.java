package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Sequence;
import dev.pgtestkit.mock.internal.value.ValueType;
import java.util.List;

/** What the target database already holds, as far as generation depends on it. */
public interface DatabaseState {

    /** Rows in a table now (0 offline). */
    long rowCount(QualifiedName table);

    /**
     * The first value a generated row may take in a sequence-numbered column: the sequence's next value, past
     * the largest value already in the column.
     *
     * @param sequence regclass text of the sequence ({@code "public"."users_id_seq"})
     * @param meta     the sequence as the registry read it, or {@code null} if unknown
     */
    long nextValue(String sequence, Sequence meta, QualifiedName table, String column);

    /** Existing values of {@code columns} (rows with a NULL among them left out), ordered. */
    List<Object[]> keys(QualifiedName table, List<String> columns, List<ValueType> types);

    /**
     * Up to {@code limit} JSON documents already in a json/jsonb column, sorted (so what is learned from them does
     * not depend on the scan order); empty when the table has none.
     */
    default List<String> jsonSamples(QualifiedName table, String column, int limit) {
        return List.of();
    }

    /** {@code pg_type.typcategory} of a type, named as {@code format_type} prints it; {@code '\0'} if unknown. */
    default char typeCategory(String type) {
        return '\0';
    }

    /** Whether the type's input function accepts every literal (asked inside a savepoint; offline never). */
    default boolean accepts(String type, List<String> literals) {
        return false;
    }

    /**
     * The attributes of a composite type, named as {@code format_type} prints it, as columns (NOT NULL, so every
     * attribute gets a value); empty when the type is not composite or there is no database.
     */
    default List<Column> compositeAttributes(String type) {
        return List.of();
    }

    /** No database: empty tables, sequences at their start. */
    DatabaseState OFFLINE = new DatabaseState() {
        @Override
        public long rowCount(QualifiedName table) {
            return 0;
        }

        @Override
        public long nextValue(String sequence, Sequence meta, QualifiedName table, String column) {
            return meta == null ? 1 : meta.start();
        }

        @Override
        public List<Object[]> keys(QualifiedName table, List<String> columns, List<ValueType> types) {
            return List.of();
        }
    };
}
