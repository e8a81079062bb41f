package dev.pgtestkit.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing archives, on the jar this module just built: the launcher script and the jar are
 * copied into a directory laid out like a clone (no sources, so the jar counts as fresh and nothing is built), and the
 * launcher runs as a process. Whether a run's classes came from the archive is read from the JVM's own
 * {@code -Xlog:class+load}: a JVM that cannot use an archive (another jar, another path, Java 5 class files) says
 * nothing and loads from the jar.
 */
class LauncherArchiveIT {

    @TempDir
    Path tmp;

    Path root;

    @BeforeEach
    void layOutAClone() throws Exception {
        root = tmp.resolve("clone");
        Path target = Files.createDirectories(root.resolve("distribution/target"));
        Files.copy(Path.of("target/pgtestkit.jar"), target.resolve("pgtestkit.jar"));
        Path launcher = Files.copy(Path.of("../pgtestkit"), root.resolve("pgtestkit"));
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        assertThat(run(Map.of("PGTESTKIT_LAUNCHER", "status")).out()).isEqualTo("fresh\n");
    }

    @Test
    void aRunRecordsItsKindsArchiveAndTheNextRunLoadsPicocliAndTheCliFromIt() throws Exception {
        Result first = run(Map.of(), "--version");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).startsWith("pgtestkit 0.").contains("Java ");
        assertThat(first.err()).as("no CDS warnings").isEmpty();
        assertThat(archive("version")).isRegularFile();

        Result warm = runLoggingClasses("--version");
        assertThat(warm.out()).isEqualTo(first.out());
        assertThat(classesFromTheJar()).as("every class of a warm --version comes from the archive").isEmpty();
        assertThat(sourceOf("picocli.CommandLine")).isEqualTo("shared objects file (top)");
        assertThat(sourceOf("dev.pgtestkit.sync.cli.Pgtestkit")).isEqualTo("shared objects file (top)");

        Result help = runLoggingClasses("--help");
        assertThat(help.out()).contains("Usage: pgtestkit", "Examples:");
        assertThat(sourceOf("picocli.CommandLine$Help")).as("--help is another kind: its first run records its own")
                .startsWith("file:");
        assertThat(archive("help")).isRegularFile();
    }

    @Test
    void aRebuiltJarDiscardsTheArchives() throws Exception {
        assertThat(run(Map.of(), "--version").code()).isZero();
        // As after a build: the jar newer than the archive, and not the file the archive was recorded from.
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(archive("version"), FileTime.fromMillis(now - 60_000));
        Path jar = root.resolve("distribution/target/pgtestkit.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(now - 30_000));
        assertThat(run(Map.of("PGTESTKIT_LAUNCHER", "archive"), "--version").out()).contains("version.jsa missing");

        runLoggingClasses("--version");
        assertThat(sourceOf("picocli.CommandLine")).as("the stale archive is not used").startsWith("file:");
        assertThat(Files.getLastModifiedTime(archive("version"))).isGreaterThan(Files.getLastModifiedTime(jar));
        runLoggingClasses("--version");
        assertThat(sourceOf("picocli.CommandLine")).as("re-recorded").isEqualTo("shared objects file (top)");
    }

    @Test
    void aMovedCloneRecordsAgain() throws Exception {
        assertThat(run(Map.of(), "--version").code()).isZero();
        Path moved = tmp.resolve("moved");
        Files.move(root, moved);
        root = moved;
        assertThat(run(Map.of("PGTESTKIT_LAUNCHER", "archive"), "--version").out())
                .as("the archive names the jar's old path: the JVM would ignore it").contains("version.jsa missing");
        runLoggingClasses("--version");
        runLoggingClasses("--version");
        assertThat(sourceOf("picocli.CommandLine")).isEqualTo("shared objects file (top)");
    }

    @Test
    void aFailingRunRecordsNothingUntilItsThirdTry() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/nowhere?user=nobody&connectTimeout=5";
        for (int attempt = 1; attempt <= 3; attempt++) {
            Result failed = run(Map.of(), "schema", "--url", url);
            assertThat(failed.code()).as(failed.toString()).isNotZero();
            assertThat(failed.err()).contains("127.0.0.1");
            assertThat(Files.isRegularFile(archive("schema"))).as("an archive after failing try %d", attempt)
                    .isEqualTo(attempt == 3);
        }
        try (Stream<Path> files = Files.list(archive("schema").getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".jsa."));
        }
    }

    @Test
    void withSharingTurnedOffARunStartsAndRecordsNothing() throws Exception {
        Result result = run(Map.of("PGTESTKIT_JAVA_OPTS", "-Xshare:off"), "--help");
        assertThat(result.code()).as("a JVM asked to record without a base archive does not start").isZero();
        assertThat(result.out()).contains("Usage: pgtestkit");
        assertThat(archive("help")).doesNotExist();
    }

    @Test
    void theKindOfARunIsItsCommandWithHelpAndJsonAndQuickKindsRunC1Only() throws Exception {
        Map<String, String> archive = Map.of("PGTESTKIT_LAUNCHER", "archive");
        assertThat(run(archive, "--json", "schema", "--url", "jdbc:postgresql://h/db").out())
                .contains("/schema-json.jsa missing", "-XX:TieredStopAtLevel=1");
        assertThat(run(archive, "--config", "list", "dump", "--db", "x").out())
                .as("a root option's value is not the command").contains("/dump.jsa missing")
                .doesNotContain("TieredStopAtLevel");
        assertThat(run(archive, "restore", "--help").out()).contains("/restore-help.jsa", "TieredStopAtLevel=1");
        assertThat(run(archive, "-V").out()).contains("/version.jsa");
        assertThat(run(archive, "../../etc").out()).contains("/other.jsa");
    }

    @Test
    void theRunnableJarRunsWithoutTheLauncher() throws Exception {
        Result result = exec(Map.of(), List.of("java", "-jar", "target/pgtestkit.jar", "--version"), Path.of(""));
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("pgtestkit 0.");
    }

    @Test
    void everyPicocliClassInTheJarIsAJava6ClassFileThatTheVerifierAccepts() throws Exception {
        Path jar = Path.of("target/pgtestkit.jar");
        int classes = 0;
        try (JarFile file = new JarFile(jar.toFile());
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (!name.startsWith("picocli/") || !name.endsWith(".class")) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    byte[] header = in.readNBytes(8);
                    assertThat(((header[6] & 0xff) << 8) | (header[7] & 0xff)).as(name).isEqualTo(50);
                }
                // Initialising links the class: the type-checking verifier checks the computed stack map frames.
                Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), true, loader);
                classes++;
            }
        }
        assertThat(classes).isGreaterThan(200);
    }

    private Path archive(String kind) {
        return root.resolve("distribution/target/launcher/cds/" + kind + ".jsa");
    }

    private Path classLog() {
        return tmp.resolve("classes.log");
    }

    private Result runLoggingClasses(String... args) throws Exception {
        Files.deleteIfExists(classLog());
        Result result = run(Map.of("PGTESTKIT_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog()), args);
        assertThat(result.code()).as(result.toString()).isZero();
        return result;
    }

    /** The {@code source:} the JVM logged for a class, e.g. {@code shared objects file (top)} or {@code file:/…}. */
    private String sourceOf(String className) throws IOException {
        String marker = " " + className + " source: ";
        return Files.readAllLines(classLog(), StandardCharsets.UTF_8).stream().filter(l -> l.contains(marker))
                .map(l -> l.substring(l.indexOf(marker) + marker.length())).findFirst()
                .orElseThrow(() -> new AssertionError(className + " was not loaded"));
    }

    private List<String> classesFromTheJar() throws IOException {
        return Files.readAllLines(classLog(), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(" source: file:")).toList();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Result run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("./pgtestkit"));
        command.addAll(List.of(args));
        return exec(env, command, root);
    }

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    private static Result exec(Map<String, String> env, List<String> command, Path dir) throws Exception {
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toAbsolutePath().toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().remove("PGTESTKIT_LAUNCHER");
            pb.environment().remove("PGTESTKIT_JAVA_OPTS");
            pb.environment().putAll(env);
            Process p = pb.start();
            Duration timeout = Duration.ofMinutes(2);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not end within " + timeout);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
