/** Implementation of {@code dev.pgtestkit.core}: not API, may change in any release. */
package dev.pgtestkit.core.internal;
