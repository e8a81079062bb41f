/**
 * The JUnit Jupiter extension, public API: {@link dev.pgtestkit.junit.PgTest},
 * {@link dev.pgtestkit.junit.WithTransaction},
 * {@link dev.pgtestkit.junit.MockData}, {@link dev.pgtestkit.junit.Fixture} and their enums. A thin adapter over
 * core: the transactions are core's {@code dev.pgtestkit.core.tx} engine. Implementation in {@code junit.internal},
 * which is not API.
 */
package dev.pgtestkit.junit;
