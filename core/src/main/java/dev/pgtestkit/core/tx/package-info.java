/**
 * The test-transaction engine, public and free of any test framework: a {@link dev.pgtestkit.core.tx.TestTransaction}
 * pins one connection, hands out a DataSource whose connections share its transaction (their commits become savepoint
 * releases), offers named savepoints, and is always rolled back; {@link dev.pgtestkit.core.tx.TestTransactions} begins
 * them on reused sessions of a database, {@link dev.pgtestkit.core.tx.TestLevel} shares one between a group of tests,
 * {@link dev.pgtestkit.core.tx.TransactionSettings} says how it behaves. The JUnit extension's
 * {@code @WithTransaction} drives it. Implementation in {@code core.tx.internal}, which is not API.
 */
package dev.pgtestkit.core.tx;
