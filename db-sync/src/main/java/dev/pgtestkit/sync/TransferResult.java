package dev.pgtestkit.sync;

/**
 * What one dump's transfer between machines did.
 *
 * @param database         the configured database whose dump moved
 * @param from             where it came from ({@code me@host:dumps/prod} or a local path)
 * @param to               where it went
 * @param filesTransferred files sent over the network (in whole or, when resumed, in part)
 * @param bytesTransferred bytes sent over the network
 * @param filesReused      files not sent because the destination already had them (same SHA-256)
 * @param bytesResumed     bytes of interrupted earlier transfers that were kept rather than sent again
 * @param upToDate         the destination already held exactly this dump: nothing was done
 */
public record TransferResult(String database, String from, String to, int filesTransferred, long bytesTransferred,
                             int filesReused, long bytesResumed, boolean upToDate) {}
