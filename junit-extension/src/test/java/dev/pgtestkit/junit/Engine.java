package dev.pgtestkit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs fixture test classes (static nested classes, which Maven never discovers on their own) on Jupiter. */
final class Engine {

    private Engine() {
    }

    /** Asserts that every test of the fixtures ran and passed; a failure's message and stack are in the error. */
    static void assertAllPass(int tests, Class<?>... fixtures) {
        EngineExecutionResults results = run(fixtures);
        String failures = failures(results);
        org.assertj.core.api.Assertions.assertThat(failures).as("failures").isEmpty();
        results.testEvents().assertStatistics(s -> s.started(tests).succeeded(tests));
    }

    /** Every failure (tests and containers) with its stack trace, for assertion messages. */
    static String failures(EngineExecutionResults results) {
        StringBuilder text = new StringBuilder();
        results.allEvents().failed().stream().forEach(event -> event.getPayload(
                org.junit.platform.engine.TestExecutionResult.class).flatMap(
                org.junit.platform.engine.TestExecutionResult::getThrowable).ifPresent(t -> {
                    java.io.StringWriter out = new java.io.StringWriter();
                    t.printStackTrace(new java.io.PrintWriter(out));
                    text.append(event.getTestDescriptor().getDisplayName()).append(": ").append(out).append('\n');
                }));
        return text.toString();
    }

    static EngineExecutionResults run(Class<?>... fixtures) {
        return run(Map.of(), fixtures);
    }

    static EngineExecutionResults run(Map<String, String> configuration, Class<?>... fixtures) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(configuration)
                .selectors(Arrays.stream(fixtures).map(c -> selectClass(c)).toArray(
                        org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }
}
