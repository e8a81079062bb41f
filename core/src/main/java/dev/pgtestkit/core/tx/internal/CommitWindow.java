package dev.pgtestkit.core.tx.internal;

/**
 * Where a window of the commit check begins: what began then (for the message), the database's commit counter and
 * the server's clock ({@code clock_timestamp()} as text).
 */
record CommitWindow(String since, long commits, String at) {
}
