package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.QualifiedName;
import java.util.List;

/**
 * What loading a table needs besides its rows.
 *
 * @param backfills      nullable foreign keys closing a cycle: written as NULL, then set by UPDATE once the
 *                       referenced table is loaded
 * @param deferred       deferrable foreign keys closing a cycle: written directly, checked at commit
 * @param serverChecks   checks the generator cannot evaluate itself; the server verifies each batch
 * @param sequences      sequences that numbered columns, to advance past the largest value
 * @param keyColumns     positions of a key that identifies rows (for the backfill UPDATE), or empty
 */
@SuppressWarnings("ArrayRecordComponent") // internal, never compared or hashed: arrays for the hot loops
public record TableExtras(List<Backfill> backfills, List<ForeignKey> deferred, List<TableCheck> serverChecks,
                          List<SequenceUse> sequences, int[] keyColumns) {

    /**
     * A nullable foreign key closing a cycle.
     *
     * @param positions the foreign key's column positions
     */
    @SuppressWarnings("ArrayRecordComponent") // internal, never compared or hashed
    public record Backfill(ForeignKey foreignKey, int[] positions) {
    }

    /**
     * A sequence that numbered a column.
     *
     * @param sequence its qualified name, as regclass text
     * @param position the column it numbers
     */
    public record SequenceUse(String sequence, int position, QualifiedName owner) {
    }

    public boolean isBackfilled(int position) {
        for (Backfill b : backfills) {
            for (int p : b.positions()) {
                if (p == position) {
                    return true;
                }
            }
        }
        return false;
    }
}
