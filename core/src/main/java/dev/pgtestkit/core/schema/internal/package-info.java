/** Implementation of {@code dev.pgtestkit.core.schema}: not API, may change in any release. */
package dev.pgtestkit.core.schema.internal;
