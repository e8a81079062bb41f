/** Implementation of {@code dev.pgtestkit.core.tx}: not API, may change in any release. */
package dev.pgtestkit.core.tx.internal;
