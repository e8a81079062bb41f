package dev.pgtestkit.core.testsupport;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A second JVM for KeptClusterIT: starts an embedded server on the base directory in args[0] (migrations args[1],
 * cluster_name args[2]), prints its data
 * directory and whether it built the template, then waits until its standard input closes (or it is killed).
 */
public final class KeptClusterChild {

    private KeptClusterChild() {
    }

    public static void main(String[] args) throws Exception {
        PostgresServer server = PostgresProvider.embedded().withBaseDirectory(Path.of(args[0]))
                .setting("cluster_name", args[2]).start();
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            System.out.println("DIR " + rs.getString(1));
        }
        DatabaseTemplate template = DatabaseTemplate.builder(server).flywayLocations(args[1]).poolSize(0).build();
        System.out.println("BUILT " + template.wasBuiltHere());
        System.out.println("READY");
        System.out.flush();
        System.in.read();
        server.close();
    }
}
