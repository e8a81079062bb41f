/**
 * db-sync: dump a PostgreSQL database under one snapshot into a deterministic, verifiable directory, mask
 * secrets on the way out, and restore it atomically through a shadow database.
 */
package dev.pgtestkit.sync;
