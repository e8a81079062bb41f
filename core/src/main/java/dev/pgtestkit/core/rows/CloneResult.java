package dev.pgtestkit.core.rows;

import java.util.Map;

/**
 * What {@link Rows#cloneTree} created.
 *
 * @param root   the copy of the row asked for
 * @param copies every copy, the root included, by table in the order they were inserted
 */
public record CloneResult(Map<String, Object> root, TableRows copies) {
}
