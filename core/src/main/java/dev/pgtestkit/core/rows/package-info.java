/**
 * The row API, public: {@link dev.pgtestkit.core.rows.Rows} (insert, fetch, update, delete and clone rows with
 * forgiving table and column names) and {@link dev.pgtestkit.core.rows.Fixtures} (JSON and YAML fixture files),
 * with their exceptions. Implementation in {@code core.rows.internal}, which is not API.
 */
package dev.pgtestkit.core.rows;
