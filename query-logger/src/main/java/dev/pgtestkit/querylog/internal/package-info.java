/** Implementation of {@code dev.pgtestkit.querylog}: not API, may change in any release. */
package dev.pgtestkit.querylog.internal;
