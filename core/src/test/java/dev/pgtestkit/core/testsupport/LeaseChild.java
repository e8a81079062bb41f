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
 * dead runs left), prints {@code DONE} and exits.
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
}
