package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueryLoggerBuilderTest {

    @Test
    void rejectsSettingsOutOfRangeWithTheValue() {
        assertThatThrownBy(() -> QueryLogger.builder().slowThreshold(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slowThreshold must be positive (or null to turn slow-query detection off), was PT0S");
        assertThatThrownBy(() -> QueryLogger.builder().nPlusOneThreshold(1).build())
                .hasMessage("nPlusOneThreshold must be at least 2, was 1");
        assertThatThrownBy(() -> QueryLogger.builder().historySize(-1).build())
                .hasMessage("historySize must be 0 or more, was -1");
        assertThatThrownBy(() -> QueryLogger.builder().statementCacheSize(0).build())
                .hasMessage("statementCacheSize must be at least 1, was 0");
    }

    @Test
    void defaultsLogThroughSlf4jWithAFiftyMillisecondThreshold() {
        try (QueryLogger logger = QueryLogger.create()) {
            assertThat(logger.slowThreshold()).isEqualTo(Duration.ofMillis(50));
            assertThat(logger.listeners()).singleElement().isInstanceOf(Slf4jQueryListener.class);
            assertThat(logger.log().isEmpty()).isTrue();
        }
        try (QueryLogger quiet = QueryLogger.builder().slowThreshold(null).logToSlf4j(false).build()) {
            assertThat(quiet.slowThreshold()).isNull();
            assertThat(quiet.listeners()).isEmpty();
        }
    }
}
