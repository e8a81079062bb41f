package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.mock.TablePlan;

/**
 * A table of a plan, resolved against the schema.
 *
 * @param plan the plan's settings, or {@code null} for a table added with defaults (all tables, a required parent)
 * @param rows rows to generate (per-parent counts already summed)
 * @param seed the table's seed, derived from the generator seed and the table's name
 */
public record ResolvedTable(Table table, TablePlan plan, long rows, long seed) {

    boolean reuseExistingRows() {
        return plan != null && plan.reuseExistingRows();
    }
}
