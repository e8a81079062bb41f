/**
 * The mock data generator, public API: {@link dev.pgtestkit.mock.MockDataGenerator} fills any schema with realistic
 * rows that satisfy its constraints (plans, overrides, related rows, COPY loading, CSV and SQL output) and
 * {@link dev.pgtestkit.mock.Masker} masks values. Packages named {@code internal} are implementation, with no
 * compatibility promise.
 */
package dev.pgtestkit.mock;
