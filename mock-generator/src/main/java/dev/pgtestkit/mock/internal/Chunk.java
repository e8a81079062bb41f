package dev.pgtestkit.mock.internal;

import java.util.List;

/**
 * A batch of consecutive rows of one table, ready for a sink.
 *
 * @param table     index of the table in the plan
 * @param firstRow  index of the first row
 * @param rows      how many rows
 * @param data      the rows encoded for COPY (text or CSV), UTF-8
 * @param backfills per backfilled foreign key: {key values..., foreign key values...} of rows that point somewhere
 * @param kept      copies of the rows when the plan keeps them (or the sink needs them), else {@code null}
 */
@SuppressWarnings("ArrayRecordComponent") // internal, never compared or hashed: arrays for the hot loops
record Chunk(int table, long firstRow, int rows, byte[] data, List<List<Object[]>> backfills, List<Object[]> kept) {
}
