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
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads migration files (Flyway locations on the class path, in jars or on disk; SQL scripts) and digests them: a
 * template is named by such digests, so any change to any migration file gives a new template.
 */
final class MigrationFiles {

    private MigrationFiles() {
    }

    /** Adds a file's name and content to the digest. */
    static void update(MessageDigest digest, String name, byte[] content) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(content);
    }

    /** Every file of a {@code classpath:} or {@code filesystem:} location, by relative name, sorted. */
    static Map<String, byte[]> filesOf(String location) {
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

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MigrationException("Could not read migration script " + file + ": " + e.getMessage(), e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
