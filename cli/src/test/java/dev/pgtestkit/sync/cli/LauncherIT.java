package dev.pgtestkit.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pgtestkit.core.DisposableDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a new user meets it: a clean clone of this repository, {@code ./pgtestkit --version} builds the
 * runnable jar with the Maven wrapper (offline, from the local repository) and records the AppCDS archive; the next
 * run starts without Maven; a newer source makes it stale. Slow (one build of every module in the jar, minutes on a
 * loaded machine), so it runs only when {@code PGTESTKIT_LAUNCHER_IT} is set; CI instead runs the README's first
 * command, {@code ./pgtestkit demo}, from its own clean clone once the local repository holds every plugin.
 */
class LauncherIT {

    @TempDir
    Path tmp;

    @Test
    void aCleanCloneBuildsOnFirstUseThenStartsWithoutMaven() throws Exception {
        assumeTrue(System.getenv("PGTESTKIT_LAUNCHER_IT") != null,
                "set PGTESTKIT_LAUNCHER_IT=1 to build a clean clone with the launcher (CI runs ./pgtestkit demo)");
        Path root = repositoryRoot();
        assumeTrue(root != null, "not in a git checkout of pgtestkit");
        Path clone = tmp.resolve("pgtestkit");
        Result cloned = run(tmp, Duration.ofMinutes(2), Map.of(), "git", "clone", "--quiet", root.toString(),
                clone.toString());
        assertThat(cloned.code()).as(cloned.toString()).isZero();
        Path jar = clone.resolve("distribution/target/pgtestkit.jar");
        Path archive = clone.resolve("distribution/target/launcher/cds/version.jsa");
        Map<String, String> offline = Map.of("PGTESTKIT_MAVEN_ARGS", "-o");

        assertThat(launcher(clone, offline, "status").out()).isEqualTo("missing\n");
        Result first = run(clone, Duration.ofMinutes(25), offline, "./pgtestkit", "--version");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).startsWith("pgtestkit 0.").contains("Java ");
        assertThat(first.err()).contains("building the command line with Maven (first run", "built in");
        assertThat(jar).isRegularFile();
        assertThat(archive).as("the first run records the AppCDS archive of its kind").isRegularFile();

        Path buildLog = clone.resolve("distribution/target/launcher/build.log");
        FileTime built = Files.getLastModifiedTime(buildLog);
        Result warm = run(clone, Duration.ofMinutes(2), Map.of(), "./pgtestkit", "--version");
        assertThat(warm.code()).as(warm.toString()).isZero();
        assertThat(warm.out()).isEqualTo(first.out());
        assertThat(warm.err()).as("no build, no CDS warnings").isEmpty();
        assertThat(Files.getLastModifiedTime(buildLog)).as("Maven did not run again").isEqualTo(built);

        try (DisposableDatabase db = TestDatabases.withSchema(TestDatabases.SHOP)) {
            Result schema = run(clone, Duration.ofMinutes(2), Map.of(), "./pgtestkit", "--json", "schema", "--url",
                    db.jdbcUrl(), "--table", "orders");
            assertThat(schema.code()).as(schema.toString()).isZero();
            assertThat(schema.out()).startsWith("{").contains("\"name\" : \"public.orders\"");
        }
        Result demoHelp = run(clone, Duration.ofMinutes(2), Map.of(), "./pgtestkit", "demo", "--help");
        assertThat(demoHelp.code()).as(demoHelp.toString()).isZero();
        assertThat(demoHelp.out()).contains("Usage: pgtestkit demo");

        Path source = clone.resolve("cli/src/main/java/dev/pgtestkit/sync/cli/Pgtestkit.java");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(launcher(clone, offline, "status").out()).startsWith("stale: ").contains("Pgtestkit.java");
    }

    private static Result launcher(Path clone, Map<String, String> env, String mode) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("PGTESTKIT_LAUNCHER", mode);
        return run(clone, Duration.ofMinutes(1), all, "./pgtestkit");
    }

    /** The directory holding .git and the launcher, above the module's working directory. */
    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git")) && Files.isRegularFile(p.resolve("pgtestkit"))) {
                return p;
            }
        }
        return null;
    }

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    private static Result run(Path dir, Duration timeout, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            String passwordFile = System.getProperty("org.postgresql.pgpassfile"); // see TestDatabases
            if (passwordFile != null) {
                pb.environment().putIfAbsent("PGPASSFILE", passwordFile);
            }
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + timeout + "; err: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
