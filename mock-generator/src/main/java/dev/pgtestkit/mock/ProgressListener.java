package dev.pgtestkit.mock;

import dev.pgtestkit.core.schema.QualifiedName;

/**
 * Receives progress while rows are generated and loaded, for a progress bar. Called from the loading thread,
 * at most once per chunk of rows; implementations should return quickly.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * Called as rows of a table are written.
     *
     * @param table the table being loaded
     * @param done  rows of this table written so far
     * @param total rows this table will get
     */
    void onProgress(QualifiedName table, long done, long total);

    ProgressListener NONE = (table, done, total) -> {
    };
}
