/** Implementation of {@code dev.pgtestkit.core.rows}: not API, may change in any release. */
package dev.pgtestkit.core.rows.internal;
