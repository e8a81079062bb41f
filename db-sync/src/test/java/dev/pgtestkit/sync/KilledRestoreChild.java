package dev.pgtestkit.sync;

import java.nio.file.Path;

/**
 * A restore that stops in its data phase until its process is killed (RestoreIT kills it). It connects with the URL and
 * user it is given; the password comes from the password file PGPASSFILE names, as a user's second process gets it.
 */
public final class KilledRestoreChild {

    static final String LOADING = "LOADING";

    private KilledRestoreChild() {
    }

    public static void main(String[] args) {
        PgDatabase target = PgDatabase.of(args[1], args[2], null);
        Restorer.restore(Path.of(args[0]), target, RestoreOptions.builder().listener(e -> {
            if (e.type() == SyncEvent.Type.TABLE_STARTED) {
                System.out.println(LOADING);
                System.out.flush();
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                }
            }
        }).build());
    }
}
