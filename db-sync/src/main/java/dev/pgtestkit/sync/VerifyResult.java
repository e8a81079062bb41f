package dev.pgtestkit.sync;

import java.time.Duration;
import java.util.List;

/**
 * A passed verification.
 *
 * @param tables   the tables checked, {@code schema.table}
 * @param rows     rows checked
 * @param bytes    data bytes checked
 * @param duration how long it took
 */
public record VerifyResult(List<String> tables, long rows, long bytes, Duration duration) {

    public VerifyResult {
        tables = List.copyOf(tables);
    }
}
