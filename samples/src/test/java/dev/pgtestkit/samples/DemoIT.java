package dev.pgtestkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo on the run's server (embedded, PGTESTKIT_URL or a container): every step does what it prints. */
class DemoIT {

    @TempDir
    Path output;

    @Test
    void demoRunsEveryStepAndEachShowsItsPoint() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DemoResult result = new Demo(new PrintStream(printed, true, StandardCharsets.UTF_8), output).run();
        String text = printed.toString(StandardCharsets.UTF_8);

        assertThat(result.registry().tables()).hasSize(6); // five seed tables and Flyway's history
        assertThat(text).contains("insertion order: ").contains("users -> ");
        assertThat(result.generatedRows()).isGreaterThan(2_000 + 2_000 + 1_000);
        assertThat(text).contains("rows.fetch(\"users\", {emial}) -> Column 'emial' not found in table 'users'.")
                .contains("Did you mean: email?");

        assertThat(result.dashboards().perUser().nPlusOneFindings()).singleElement()
                .satisfies(finding -> assertThat(finding.normalizedSql())
                        .isEqualTo("SELECT count(*) FROM api_keys WHERE user_id = ?"));
        assertThat(result.dashboards().perUser().selectCount()).isEqualTo(20);
        assertThat(result.dashboards().batched().selectCount()).isEqualTo(1);
        assertThat(result.dashboards().batched().nPlusOneFindings()).isEmpty();
        assertThat(Files.readString(output.resolve("query-report.html"))).contains("N+1")
                .contains("SELECT count(*) FROM api_keys WHERE user_id = ?");

        assertThat(result.usage().insideTransaction()).isEqualTo(result.usage().before() + 1);
        assertThat(result.usage().after()).isEqualTo(result.usage().before());
    }
}
