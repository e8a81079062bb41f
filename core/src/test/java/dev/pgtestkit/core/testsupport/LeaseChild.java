package dev.pgtestkit.core.testsupport;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.internal.RunLease;
import java.nio.file.Path;

/**
 * A test JVM for the crash test, on the server at the URL in args[1]. {@code hold}: builds the template of the script
 * in args[2], checks out a clone, starts building another template as a killed build would leave it, prints the names
 * ({@code DB <name>}) and {@code READY}, then waits to be killed. {@code reclaim}: takes a lease (which reclaims what
 * dead runs left), prints {@code DONE} and exits. {@code burst}: see {@link #burst}.
 */
public final class LeaseChild {

    private LeaseChild() {
    }

    public static void main(String[] args) throws Exception {
        PostgresServer server = PostgresProvider.url(args[1]).start();
        if (args[0].equals("reclaim")) {
            RunLease.of(server);
            System.out.println("DONE");
            server.close();
            return;
        }
        if (args[0].equals("burst")) {
            burst(server, Path.of(args[2]));
            return;
        }
        DatabaseTemplate template = DatabaseTemplate.builder(server).sqlScripts(Path.of(args[2])).poolSize(2).build();
        DisposableDatabase clone = template.checkout();
        String halfBuilt = PostgresServer.DATABASE_PREFIX + "tpl_0123456789abcdef_" + RunLease.of(server).token();
        server.createDatabase(halfBuilt, null);
        System.out.println("DB " + clone.name());
        System.out.println("DB " + halfBuilt);
        System.out.println("TEMPLATE " + template.name());
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /**
     * Checks out clones of a pool of 1 back to back until the pool has grown and made clones ahead, prints the run's
     * token ({@code TOKEN <token>}), the template ({@code TEMPLATE <name>}) and {@code GROWN <ready clones>}, and
     * exits normally, leaving the clones made ahead to the pool's clean-up at JVM exit.
     */
    private static void burst(PostgresServer server, Path script) throws InterruptedException {
        DatabaseTemplate template = DatabaseTemplate.builder(server).sqlScripts(script).poolSize(1).build();
        System.out.println("TOKEN " + RunLease.of(server).token());
        System.out.println("TEMPLATE " + template.name());
        for (int i = 0; i < 6; i++) {
            template.checkout().close();
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (template.warmClones() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        System.out.println("GROWN " + template.warmClones());
        System.out.flush();
    }
}
