package dev.pgtestkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.testsupport.LeaseChild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test JVM killed with kill -9 on a shared server leaves nothing behind once another run starts. */
class CrashIT {

    private final PostgresServer server = PostgresProvider.auto().shared();

    @TempDir
    Path dir;

    @Test
    void theNextRunReclaimsWhatAKilledJvmLeft() throws Exception {
        String url = urlWithPassword(server, server.adminDatabase());
        Path script = Files.writeString(dir.resolve("crash.sql"), "-- " + UUID.randomUUID()
                + "\nCREATE TABLE t (id int);\n");
        Process victim = java("hold", url, script.toString());
        List<String> databases = new ArrayList<>();
        String template = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream(),
                StandardCharsets.UTF_8))) {
            StringBuilder output = new StringBuilder();
            for (String line = out.readLine(); line != null && !line.equals("READY"); line = out.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith("DB ")) {
                    databases.add(line.substring(3));
                } else if (line.startsWith("TEMPLATE ")) {
                    template = line.substring(9);
                }
            }
            assertThat(databases).as("the child's output: %s", output).hasSize(2);
            assertThat(server.databases(PostgresServer.DATABASE_PREFIX)).containsAll(databases);
            victim.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try {
            Process next = java("reclaim", url, "");
            assertThat(next.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String nextOutput = new String(next.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(nextOutput).contains("DONE");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!leftOf(databases).isEmpty() && System.nanoTime() < deadline) {
                // the killed JVM's sessions end when the server notices the closed socket; a later run reclaims then
                TimeUnit.MILLISECONDS.sleep(200);
                RunLease.of(server).reclaim();
            }
            assertThat(leftOf(databases)).as("databases of the killed run").isEmpty();
        } finally {
            if (template != null) {
                try (Connection admin = server.connect(server.adminDatabase())) {
                    TemplateBuilder.dropTemplate(server, admin, template);
                }
            }
        }
    }

    /**
     * A JVM whose pool grew under back-to-back hand-outs and made clones ahead exits normally: none of its clones is
     * left on the server (its pool drops them at exit; no later run has to reclaim them).
     */
    @Test
    void clonesMadeAheadDoNotOutliveANormalExit() throws Exception {
        String url = urlWithPassword(server, server.adminDatabase());
        Path script = Files.writeString(dir.resolve("burst.sql"), "-- " + UUID.randomUUID()
                + "\nCREATE TABLE t (id int);\n");
        Process child = java("burst", url, script.toString());
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String token = line(output, "TOKEN ");
        String template = line(output, "TEMPLATE ");
        try {
            assertThat(child.exitValue()).as(output).isZero();
            assertThat(Integer.parseInt(line(output, "GROWN "))).as("clones the grown pool made ahead, %s", output)
                    .isGreaterThanOrEqualTo(2);
            assertThat(server.databases(PostgresServer.DATABASE_PREFIX).stream()
                    .filter(name -> name.contains("_" + token + "_")).toList()).as("the exited run's clones").isEmpty();
        } finally {
            try (Connection admin = server.connect(server.adminDatabase())) {
                TemplateBuilder.dropTemplate(server, admin, template);
            }
        }
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + prefix + "' line in the child's output: " + output));
    }

    /** Every database of the killed run: those it printed and the clones its pool made ahead, by its run key. */
    private List<String> leftOf(List<String> databases) {
        String halfBuilt = databases.get(1);
        String token = halfBuilt.substring(halfBuilt.lastIndexOf("_r") + 1);
        return server.databases(PostgresServer.DATABASE_PREFIX).stream()
                .filter(name -> databases.contains(name) || name.contains("_" + token + "_") || name.endsWith("_" + token))
                .toList();
    }

    private static Process java(String mode, String url, String script) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), LeaseChild.class.getName(),
                mode, url, script).redirectErrorStream(true).start();
    }

    /** The URL of a database with the password, if the server has one (jdbcUrl() never carries it). */
    static String urlWithPassword(PostgresServer server, String database) throws java.sql.SQLException {
        String url = server.jdbcUrl(database);
        String password = server.dataSource(database).unwrap(org.postgresql.ds.PGSimpleDataSource.class).getPassword();
        return password == null ? url : url + "&password=" + java.net.URLEncoder.encode(password,
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
