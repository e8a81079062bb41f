package dev.pgtestkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.testsupport.KeptClusterChild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The embedded cluster's directory kept across runs: the second run finds its template, a damaged directory is
 * rebuilt, and a second JVM wanting the same cluster at the same time gets another one without waiting. The class
 * works in a base directory of its own (binaries extracted once), deleted at the end; each test has clusters of
 * its own through a setting (clusters are kept per binaries and settings).
 */
class KeptClusterIT {

    private static final String MIGRATIONS = "classpath:db/template-test/flyway";
    private static Path base;
    private String cluster;

    @BeforeAll
    static void baseDirectory() throws IOException {
        base = Files.createTempDirectory("pgtestkit-kept-");
    }

    @AfterAll
    static void deleteBaseDirectory() throws IOException {
        try (var paths = Files.walk(base)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @BeforeEach
    void clusterOfThisTest(TestInfo test) {
        cluster = test.getTestMethod().orElseThrow().getName();
    }

    private EmbeddedProvider provider() {
        return PostgresProvider.embedded().withBaseDirectory(base).setting("cluster_name", cluster);
    }

    @Test
    void theSecondRunFindsItsTemplateBuiltAndNoCloneOfTheFirst() throws Exception {
        String leftover;
        try (PostgresServer first = provider().start()) {
            DatabaseTemplate template = DatabaseTemplate.builder(first).flywayLocations(MIGRATIONS).poolSize(0).build();
            assertThat(template.wasBuiltHere()).isTrue();
            leftover = template.checkout().name(); // never closed: as when a JVM dies
        }
        try (PostgresServer second = provider().start()) {
            long start = System.nanoTime();
            DatabaseTemplate template = DatabaseTemplate.builder(second).flywayLocations(MIGRATIONS).poolSize(0).build();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(template.wasBuiltHere()).as("built again (in %d ms)", millis).isFalse();
            assertThat(second.databases(PostgresServer.DATABASE_PREFIX)).doesNotContain(leftover)
                    .contains(template.name());
            try (DisposableDatabase clone = template.checkout(); Connection c = clone.connect()) {
                assertThat(EmbeddedProviderIT.query(c, "SELECT count(*) FROM accounts")).isEqualTo("1");
            }
        }
    }

    @Test
    void aDamagedClusterIsRebuilt() throws Exception {
        Path dataDir;
        try (PostgresServer first = provider().start(); Connection c = first.connect("postgres")) {
            DatabaseTemplate.builder(first).flywayLocations(MIGRATIONS).poolSize(0).build();
            dataDir = Path.of(EmbeddedProviderIT.setting(c, "data_directory"));
        }
        Files.write(dataDir.resolve("global/pg_control"), new byte[] {1, 2, 3});
        try (PostgresServer second = provider().start()) {
            assertThat(DatabaseTemplate.builder(second).flywayLocations(MIGRATIONS).poolSize(0).build()
                    .wasBuiltHere()).as("a rebuilt cluster has no templates").isTrue();
        }
        Files.writeString(dataDir.getParent().resolve("pgtestkit-cluster"), "pg-of-other-binaries");
        try (PostgresServer third = provider().start()) {
            assertThat(DatabaseTemplate.builder(third).flywayLocations(MIGRATIONS).poolSize(0).build()
                    .wasBuiltHere()).as("a cluster of other binaries is not reused").isTrue();
        }
    }

    @Test
    void aSecondJvmTakesAnotherDirectoryWithoutWaitingAndAnOrphanedServerIsStopped() throws Exception {
        try (PostgresServer mine = provider().start(); Connection c = mine.connect("postgres")) {
            Path myDir = Path.of(EmbeddedProviderIT.setting(c, "data_directory"));
            DatabaseTemplate.builder(mine).flywayLocations(MIGRATIONS).poolSize(0).build();
            Child child = Child.start(base, cluster);
            List<String> lines = child.awaitReady();
            Path childDir = Path.of(lines.get(0).substring("DIR ".length()));
            assertThat(childDir).isNotEqualTo(myDir);
            assertThat(childDir.getParent().getFileName().toString()).endsWith("-1");
            assertThat(lines).contains("BUILT true");

            child.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // its postgres lives on, unowned
            try (PostgresServer next = provider().start(); Connection n = next.connect("postgres")) {
                assertThat(Path.of(EmbeddedProviderIT.setting(n, "data_directory"))).isEqualTo(childDir);
                assertThat(DatabaseTemplate.builder(next).flywayLocations(MIGRATIONS).poolSize(0).build()
                        .wasBuiltHere()).as("the child's template is reused").isFalse();
            }
        }
    }

    /** A JVM running KeptClusterChild with this JVM's class path. */
    private record Child(Process process, BufferedReader out) {
        static Child start(Path base, String cluster) throws IOException {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), KeptClusterChild.class.getName(), base.toString(),
                    MIGRATIONS, cluster).redirectErrorStream(true).start();
            return new Child(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }

        List<String> awaitReady() throws IOException {
            List<String> lines = new ArrayList<>();
            for (String line = out.readLine(); line != null && !line.equals("READY"); line = out.readLine()) {
                if (line.startsWith("DIR ") || line.startsWith("BUILT ")) {
                    lines.add(line);
                }
            }
            assertThat(lines).as("the child JVM's output").hasSize(2);
            return lines;
        }
    }
}
