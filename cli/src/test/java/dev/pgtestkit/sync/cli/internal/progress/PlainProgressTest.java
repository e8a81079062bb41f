package dev.pgtestkit.sync.cli.internal.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.sync.cli.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PlainProgressTest {

    private final AtomicLong clock = new AtomicLong();
    private final StringWriter text = new StringWriter();
    private final PlainProgress progress = new PlainProgress(new PrintWriter(text), clock::get, Duration.ofSeconds(2));

    private void advance(long millis) {
        clock.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    @Test
    void printsOneLinePerIntervalWithCountPercentBytesRateAndEta() {
        Progress.Task task = progress.start("public.users", 100_000, -1);
        advance(500);
        task.update(10_000, 1024);
        assertThat(text.toString()).as("nothing before the interval").isEmpty();
        advance(1500);
        task.update(40_000, 3 * 1024 * 1024);
        assertThat(text.toString()).isEqualTo(
                "public.users: 40,000/100,000 rows (40%), 3.0 MB, 20,000 rows/s, ETA 0:03" + System.lineSeparator());
        advance(100);
        task.update(41_000, -1);
        assertThat(text.toString().lines()).hasSize(1);
    }

    @Test
    void aFinishedTaskPrintsItsTotalOnceAndNothingAfter() {
        Progress.Task task = progress.start("public.orders", 500, -1);
        advance(250);
        task.update(500, 0);
        task.finish();
        task.finish();
        advance(5000);
        task.update(600, -1);
        assertThat(text.toString()).isEqualTo("public.orders: 500 rows, 0 B in 0.25 s (2,000 rows/s)"
                + System.lineSeparator());
    }

    @Test
    void closeFinishesTasksStillRunningAndLinesHaveNoTerminalControls() {
        Progress.Task a = progress.start("a", -1, -1);
        progress.start("b", 10, -1);
        advance(3000);
        a.update(7, 700);
        progress.close();
        String out = text.toString();
        assertThat(out.lines()).containsExactly(
                "a: 7 rows, 700 B, 2 rows/s",
                "a: 7 rows, 700 B in 3.00 s (2 rows/s)",
                "b: 0 rows in 3.00 s (0 rows/s)");
        assertThat(out).doesNotContain("\r", "\u001b");
    }

    @Test
    void withOnlyAByteEstimateTheLinesMeasureBytesAndCountRowsBeside() {
        Progress.Task task = progress.start("public.events", -1, 10L * 1024 * 1024);
        advance(2000);
        task.update(12_345, 4L * 1024 * 1024);
        advance(2000);
        task.update(30_000, 12L * 1024 * 1024);
        task.finish();
        assertThat(text.toString().lines()).containsExactly(
                "public.events: 4.0 MB/10.0 MB (40%), 12,345 rows, 2.0 MB/s, ETA 0:03",
                "public.events: 12.0 MB/10.0 MB (100%), 30,000 rows, 3.0 MB/s",
                "public.events: 30,000 rows, 12.0 MB in 4.00 s (3.0 MB/s)");
    }
}
