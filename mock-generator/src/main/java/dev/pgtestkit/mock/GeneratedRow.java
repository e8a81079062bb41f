package dev.pgtestkit.mock;

import dev.pgtestkit.core.schema.QualifiedName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated row outside the database ({@link MockDataGenerator#stream}). Values are Java objects: numbers,
 * {@code String}, {@code Boolean}, {@code UUID}, {@code java.time} values, {@code byte[]}, {@code List} for
 * arrays; json, network and range types as their Postgres text.
 *
 * @param table   the table
 * @param index   the row's index within its table's generation
 * @param columns the columns, in the same order as {@code values}
 * @param values  the values ({@code null} for NULL)
 */
public record GeneratedRow(QualifiedName table, long index, List<String> columns, List<Object> values) {

    public GeneratedRow {
        columns = List.copyOf(columns);
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** Value of a column by exact name ({@code null} for NULL or an unknown column). */
    public Object get(String column) {
        int i = columns.indexOf(column);
        return i < 0 ? null : values.get(i);
    }

    /** Column name to value, in column order. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.get(i), values.get(i));
        }
        return Collections.unmodifiableMap(map);
    }
}
