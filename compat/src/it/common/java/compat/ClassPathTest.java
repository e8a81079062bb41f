package compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the project's dependency set resolved to with pgtestkit in it: the project's own JUnit (one version), the
 * Jackson its other dependencies chose, Testcontainers only when the project added it, nothing of pgtestkit's build.
 * The expected versions come from the project's POM (system properties set by Surefire).
 */
class ClassPathTest {

    @Test
    void theProjectsJunitVersionWinsAndIsTheOnlyOne() throws IOException {
        assertThat(org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion())
                .isEqualTo(System.getProperty("compat.junit"));
        assertThat(copies("org/junit/jupiter/api/Test.class")).hasSize(1);
        assertThat(copies("org/junit/platform/commons/support/AnnotationSupport.class")).hasSize(1);
    }

    @Test
    void jacksonIsTheVersionTheProjectResolved() {
        assertThat(com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString())
                .startsWith(System.getProperty("compat.jackson.core"));
        assertThat(versionOf("com.fasterxml.jackson.databind.ObjectMapper"))
                .as("jackson-databind, which pgtestkit does not bring")
                .startsWith(System.getProperty("compat.jackson.databind"));
    }

    @Test
    void testcontainersIsThereOnlyWhenTheProjectAddedIt() {
        String expected = System.getProperty("compat.testcontainers", "none");
        if (expected.equals("none")) {
            assertThat(present("org.testcontainers.containers.GenericContainer")).isFalse();
            assertThat(present("com.github.dockerjava.api.DockerClient")).isFalse();
        } else {
            assertThat(versionOf("org.testcontainers.containers.GenericContainer")).isEqualTo(expected);
            assertThat(dev.pgtestkit.core.PostgresProvider.testcontainers().withPostgresVersion("16").image())
                    .isEqualTo("postgres:16");
        }
    }

    @Test
    void withoutAnSlf4jProviderPgtestkitSaysOnceOnStderrThatItsWarningsAreLost() {
        boolean noProvider = System.getProperty("compat.slf4j").equals("none");
        dev.pgtestkit.core.PostgresProvider.auto().shared(); // the first server request checks
        assertThat(dev.pgtestkit.core.internal.LoggingCheck.noProvider()).isEqualTo(noProvider);
        assertThat(System.getProperty("pgtestkit.slf4j.notice")).as("notice said")
                .isEqualTo(noProvider ? "said" : null);
    }

    @Test
    void nothingOfPgtestkitsOwnBuildIsOnTheClassPath() {
        assertThat(present("org.openjdk.jmh.annotations.Benchmark")).as("JMH").isFalse();
        assertThat(present("org.apache.commons.math3.stat.StatUtils")).as("commons-math3").isFalse();
        assertThat(present("org.assertj.core.api.Assertions")).as("AssertJ, which the project added").isTrue();
    }

    private static String versionOf(String className) {
        try {
            String version = Class.forName(className).getPackage().getImplementationVersion();
            return version == null ? "present, version unknown" : version;
        } catch (ClassNotFoundException e) {
            return "none";
        }
    }

    private static List<URL> copies(String resource) throws IOException {
        return Collections.list(ClassPathTest.class.getClassLoader().getResources(resource));
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ClassPathTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
