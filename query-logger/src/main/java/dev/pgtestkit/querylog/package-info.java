/**
 * The query logger, public API: {@link dev.pgtestkit.querylog.QueryLogger} wraps any DataSource and records every
 * statement as a {@link dev.pgtestkit.querylog.QueryEvent}; {@link dev.pgtestkit.querylog.QueryLog} and
 * {@link dev.pgtestkit.querylog.QueryScope} give stats, slow statements with plans, N+1 findings, reports and
 * AssertJ assertions. Depends on {@code pgtestkit-core-sql} only, not on core. Implementation in
 * {@code querylog.internal}, which is not API.
 */
package dev.pgtestkit.querylog;
