/** Test support ({@code pgtestkit-core-test-schemas}): locations of shared test schemas. Not part of the toolkit's API. */
package dev.pgtestkit.core.testsupport;
