package dev.pgtestkit.querylog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.querylog.QueryEvent;
import dev.pgtestkit.querylog.QueryLogger;
import dev.pgtestkit.querylog.RedactionRules;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventHistoryTest {

    private final Recorder recorder = new Recorder(new LoggerConfig(Duration.ofMillis(50), false, null, List.of(),
            true, RedactionRules.defaults(), 5, dev.pgtestkit.querylog.CallSiteCapture.OFF, List.of(), 8, false, 10, 20, null));

    private RecordedEvent event() {
        return new RecordedEvent(recorder, SqlInfo.analyze("SELECT 1", false, RedactionRules.defaults(), null),
                ParameterBuffer.NO_SETS, 0, null);
    }

    @Test
    void keepsTheLastEventsWithIncreasingIds() {
        EventHistory history = new EventHistory(3);
        for (int i = 0; i < 10; i++) {
            history.append(event());
        }
        List<QueryEvent> kept = history.snapshot();
        assertThat(kept).as("exactly the configured size").extracting(QueryEvent::id).containsExactly(8L, 9L, 10L);
        assertThat(history.dropped()).isEqualTo(7);
        history.reset();
        assertThat(history.snapshot()).isEmpty();
        history.append(event());
        assertThat(history.snapshot()).extracting(QueryEvent::id).containsExactly(11L);
        assertThat(history.dropped()).isZero();
    }

    @Test
    void aLongHistoryKeepsItsLastEventsAcrossSegmentsInOrder() {
        EventHistory history = new EventHistory(1000); // 1,024 slots in segments of 256
        RecordedEvent single = event();
        history.append(single);
        assertThat(history.snapshot()).containsExactly(single);
        for (int i = 1; i < 2500; i++) {
            history.append(event());
        }
        List<QueryEvent> kept = history.snapshot();
        assertThat(kept).hasSize(1000);
        assertThat(kept.get(0).id()).isEqualTo(1501);
        assertThat(kept).extracting(QueryEvent::id).isSorted().doesNotHaveDuplicates();
        assertThat(kept.get(999).id()).isEqualTo(2500);
        assertThat(history.dropped()).isEqualTo(1500);
    }

    @Test
    void aHistoryOfZeroKeepsNothingButStillNumbersEvents() {
        EventHistory history = new EventHistory(0);
        RecordedEvent event = event();
        history.append(event);
        assertThat(event.id()).isEqualTo(1);
        assertThat(history.snapshot()).isEmpty();
    }

    @Test
    void unusedLoggerClassesStayUnloaded() {
        assertThat(QueryLogger.class).isNotNull();
    }
}
