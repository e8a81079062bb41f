/**
 * pgtestkit's core, public API: PostgreSQL servers ({@link dev.pgtestkit.core.PostgresProvider} → embedded,
 * Testcontainers or an existing server), template databases built from {@link dev.pgtestkit.core.TemplateSource}s and
 * their clones ({@link dev.pgtestkit.core.DatabaseTemplate}, {@link dev.pgtestkit.core.DisposableDatabase}), and the
 * exception hierarchy rooted at {@link dev.pgtestkit.core.PgTestkitException}.
 *
 * <p>The other public packages of core: {@code core.schema} (the schema registry), {@code core.rows} (the row API),
 * {@code core.tx} (the test-transaction engine) and {@code core.sql} (the SQL lexer, in {@code pgtestkit-core-sql}).
 * Packages named {@code internal} are implementation, with no compatibility promise: do not use them.
 */
package dev.pgtestkit.core;
