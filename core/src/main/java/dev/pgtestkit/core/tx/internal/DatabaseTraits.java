package dev.pgtestkit.core.tx.internal;

import dev.pgtestkit.core.tx.IsolationLevel;

/**
 * What a database is like for its test transactions, read once per database.
 *
 * @param deferrableConstraints whether anything can be deferred (else the end-of-test check is skipped)
 * @param defaultIsolation      the level a transaction begins at unless its settings name one
 */
public record DatabaseTraits(boolean deferrableConstraints, IsolationLevel defaultIsolation) {
}
