/**
 * Core's SQL text layer, public API: {@link dev.pgtestkit.core.sql.SqlLexer} (a dependency-free PostgreSQL lexer:
 * comments, nested comments, every string form, dollar quotes, quoted identifiers, {@code $n} and JDBC parameters,
 * operators) and its {@link dev.pgtestkit.core.sql.Token}s, and {@link dev.pgtestkit.core.sql.Identifiers} (quoting).
 * One lexer for every module: the test-transaction engine reads statement keywords with it, the query logger
 * normalizes and redacts with it, db-sync splits scripts with it. Every identifier pgtestkit puts into SQL is quoted
 * by {@code Identifiers}.
 *
 * <p>Shipped as its own jar ({@code pgtestkit-core-sql}, no dependencies) so the query logger uses it without
 * depending on core; core depends on it, so core's users have it too.
 */
package dev.pgtestkit.core.sql;
