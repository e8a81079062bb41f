package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.MigrationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files behind a set of migrations (Flyway locations and plain SQL scripts), reduced to one checksum. A template
 * database is named by this checksum, so any change to any migration file gives a new template.
 */
public final class MigrationSource {

    private final List<String> flywayLocations;
    private final List<Path> scripts;

    public MigrationSource(List<String> flywayLocations, List<Path> scripts) {
        this.flywayLocations = List.copyOf(flywayLocations);
        this.scripts = List.copyOf(scripts);
    }

    public List<String> flywayLocations() {
        return flywayLocations;
    }

    public List<Path> scripts() {
        return scripts;
    }

    public boolean isEmpty() {
        return flywayLocations.isEmpty() && scripts.isEmpty();
    }

    /** Hex SHA-256 over every file's relative name and content, locations and scripts in their given order. */
    public String checksum() {
        MessageDigest digest = sha256();
        for (String location : flywayLocations) {
            digest.update(("location:" + location + "\n").getBytes(StandardCharsets.UTF_8));
            Map<String, byte[]> files = filesOf(location);
            if (files.isEmpty()) {
                throw new MigrationException("Flyway location '" + location + "' holds no files. Check the path "
                        + "(classpath:db/migration looks in src/main/resources/db/migration or src/test/resources/"
                        + "db/migration).", null);
            }
            files.forEach((name, content) -> update(digest, name, content));
        }
        for (Path script : scripts) {
            update(digest, "script:" + script.getFileName(), read(script));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String name, byte[] content) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(content);
    }

    private static Map<String, byte[]> filesOf(String location) {
        if (location.startsWith("filesystem:")) {
            return directory(Path.of(location.substring("filesystem:".length())));
        }
        String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        if (location.contains(":") && !location.startsWith("classpath:")) {
            throw new MigrationException("Unsupported migration location '" + location + "': use classpath: or "
                    + "filesystem:", null);
        }
        return classpath(path.startsWith("/") ? path.substring(1) : path);
    }

    private static Map<String, byte[]> classpath(String path) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            for (URL url : Collections.list(loader.getResources(path))) {
                if (url.getProtocol().equals("jar")) {
                    files.putAll(jarEntries(url, path));
                } else {
                    files.putAll(directory(Path.of(url.toURI())));
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new MigrationException("Could not read migration location classpath:" + path + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static Map<String, byte[]> jarEntries(URL url, String path) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.isDirectory() && entry.getName().startsWith(path + "/")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(entry.getName().substring(path.length() + 1), in.readAllBytes());
                    }
                }
            }
        }
        return files;
    }

    private static Map<String, byte[]> directory(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.put(dir.relativize(f).toString(), read(f)));
        } catch (IOException e) {
            throw new MigrationException("Could not read migrations in " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MigrationException("Could not read migration script " + file + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "migrations " + flywayLocations + (scripts.isEmpty() ? "" : " + scripts " + scripts);
    }
}
