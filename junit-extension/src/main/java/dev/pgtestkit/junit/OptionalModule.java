package dev.pgtestkit.junit;

/**
 * A pgtestkit module the extension uses when it is on the test class path, found by one of its class names so that
 * nothing of it is loaded when it is absent.
 */
enum OptionalModule {

    MOCK_GENERATOR("dev.pgtestkit.mock.MockDataGenerator", "pgtestkit-mock-generator"),
    QUERY_LOGGER("dev.pgtestkit.querylog.QueryLogger", "pgtestkit-query-logger");

    private final String className;
    private final String artifactId;
    private final boolean present;

    OptionalModule(String className, String artifactId) {
        this.className = className;
        this.artifactId = artifactId;
        this.present = dev.pgtestkit.core.internal.ClassPath.has(className);
    }

    boolean present() {
        return present;
    }

    /** Whether the type is the module's class, compared by name (the caller's type may come from any loader). */
    boolean is(Class<?> type) {
        return present && type.getName().equals(className);
    }

    /** How to add the module, for error messages. */
    String howToAdd() {
        return "add the test dependency dev.pgtestkit:" + artifactId + " (it comes with pgtestkit-junit-extension "
                + "unless excluded)";
    }
}
