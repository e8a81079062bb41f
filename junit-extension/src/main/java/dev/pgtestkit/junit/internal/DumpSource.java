package dev.pgtestkit.junit.internal;

import dev.pgtestkit.core.MigrationException;
import dev.pgtestkit.core.TemplateSource;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code @PgTest(dump = ...)}: db-sync's {@code DumpTemplateSource}, found by name so that the extension has no
 * dependency on db-sync (it is optional, like the mock generator and the query logger).
 */
final class DumpSource {

    static final String CLASS_NAME = "dev.pgtestkit.sync.DumpTemplateSource";
    static final String ARTIFACT = "dev.pgtestkit:pgtestkit-db-sync";

    private DumpSource() {
    }

    /** The template source of the dump in {@code dump} (a directory), for the annotation on {@code testClass}. */
    static TemplateSource of(String dump, Class<?> testClass) {
        Class<?> type = dumpTemplateSource(dump, testClass);
        Path directory = Path.of(dump);
        if (!Files.isRegularFile(directory.resolve("manifest.json"))) {
            throw new MigrationException("@PgTest(dump = \"" + dump + "\") on " + testClass.getName() + ": "
                    + directory.toAbsolutePath() + (Files.isDirectory(directory) ? " has no manifest.json, so it is not"
                    + " a db-sync dump" : " does not exist") + ". Paths are relative to the working directory ("
                    + Path.of("").toAbsolutePath() + "); write the dump there with Dumper.dump or `pgtestkit dump`.",
                    null);
        }
        try {
            return (TemplateSource) type.getMethod("of", Path.class).invoke(null, directory);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new MigrationException("Reading the dump " + directory.toAbsolutePath() + " failed: " + cause, cause);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new MigrationException("@PgTest(dump) found " + CLASS_NAME + " but could not use it (" + e
                    + "): the versions of pgtestkit-junit-extension and pgtestkit-db-sync on the class path must "
                    + "match.", e);
        }
    }

    private static Class<?> dumpTemplateSource(String dump, Class<?> testClass) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (ClassLoader candidate : new ClassLoader[] {loader, testClass.getClassLoader(),
                DumpSource.class.getClassLoader()}) {
            if (candidate == null) {
                continue;
            }
            try {
                return Class.forName(CLASS_NAME, false, candidate);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        throw new MigrationException("@PgTest(dump = \"" + dump + "\") on " + testClass.getName() + " needs db-sync,"
                + " which is not on the test class path: add the test dependency " + ARTIFACT + " (same version as "
                + "pgtestkit-junit-extension), or build the template from migrations or scripts instead.", null);
    }
}
