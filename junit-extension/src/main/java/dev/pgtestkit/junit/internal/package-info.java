/** Implementation of {@code dev.pgtestkit.junit}: not API, may change in any release. */
package dev.pgtestkit.junit.internal;
