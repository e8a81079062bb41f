/** Public API: {@link dev.pgtestkit.querylog.jdbi.QueryLogJdbiPlugin}, the query logger as a Jdbi plugin. */
package dev.pgtestkit.querylog.jdbi;
