package dev.pgtestkit.sync.cli.internal.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.sync.cli.Progress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The bar renderer, drawn into a consumer of the test's instead of a terminal. */
class BarProgressTest {

    /** Keeps every frame the bar draws. */
    static final class Frames implements ProgressBarConsumer {
        final List<String> frames = new CopyOnWriteArrayList<>();

        @Override
        public int getMaxRenderedLength() {
            return 140;
        }

        @Override
        public void accept(String rendered) {
            frames.add(rendered);
        }

        @Override
        public void close() {
        }

        String last() {
            return frames.get(frames.size() - 1);
        }

        /** The first frame containing all {@code texts}; the bar draws from its own thread every 200 ms. */
        String await(String... texts) throws InterruptedException {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < deadline) {
                for (String frame : frames) {
                    if (java.util.Arrays.stream(texts).allMatch(frame::contains)) {
                        return frame;
                    }
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no frame contains all of " + java.util.Arrays.toString(texts) + " in 20 s; frames: " + frames);
        }
    }

    @Test
    void aBarShowsTheTablePercentCountRateEtaAndBytes() throws InterruptedException {
        Frames frames = new Frames();
        BarProgress bars = new BarProgress(() -> frames);
        Progress.Task task = bars.start("public.users", 1000, -1);
        task.update(250, 5 * 1024 * 1024);
        String frame = frames.await(" 25%", "5.0 MB");
        assertThat(frame).startsWith("public.users").contains(" 25%", "250/1000 rows", "rows/s", "5.0 MB")
                .containsPattern("[█▏▎▍▌▋▊▉]").containsPattern("\\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\)");
        task.update(1000, 6 * 1024 * 1024);
        task.finish();
        assertThat(frames.last()).contains("100%", "1000/1000 rows", "6.0 MB");
    }

    @Test
    void namesArePaddedSoBarsLineUpAndACountAboveTheTotalGrowsTheBar() {
        Frames a = new Frames();
        Frames b = new Frames();
        List<Frames> consumers = new CopyOnWriteArrayList<>(List.of(a, b));
        BarProgress bars = new BarProgress(() -> consumers.remove(0));
        Progress.Task first = bars.start("public.a_long_table_name", 10, -1);
        Progress.Task second = bars.start("x", 10, -1);
        first.finish();
        second.update(12, -1);
        second.finish();
        assertThat(b.last()).startsWith("x" + " ".repeat("public.a_long_table_name".length() - 1))
                .contains("100%", "12/12 rows");
    }

    @Test
    void withOnlyBytesKnownTheBarCountsMegabytesAndShowsRowsBeside() throws InterruptedException {
        Frames frames = new Frames();
        BarProgress bars = new BarProgress(() -> frames);
        Progress.Task task = bars.start("public.events", -1, 8L * 1024 * 1024);
        task.update(5000, 2L * 1024 * 1024);
        String frame = frames.await(" 25%", "2/8 MB", "5,000 rows");
        assertThat(frame).startsWith("public.events").contains("MB/s");
        task.update(9000, 7L * 1024 * 1024);
        task.finish();
        assertThat(frames.last()).as("an estimate above the end still finishes at 100%%").contains("100%", "9,000 rows");
    }
}
