package dev.pgtestkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LoggingCheckTest {

    @Test
    void saysOnceWhatIsLostAndTheOneLineFixWhenNoProviderIsPresent() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicBoolean said = new AtomicBoolean();
        PrintStream out = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(LoggingCheck.sayOnce(true, out, () -> said.compareAndSet(false, true))).isTrue();
        assertThat(LoggingCheck.sayOnce(true, out, () -> said.compareAndSet(false, true))).isFalse();
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(LoggingCheck.NOTICE);
        assertThat(LoggingCheck.NOTICE).contains("org.slf4j:slf4j-simple").contains("N+1");
    }

    @Test
    void saysNothingWithAProvider() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(LoggingCheck.sayOnce(false, new PrintStream(err), () -> true)).isFalse();
        assertThat(err.size()).isZero();
        assertThat(LoggingCheck.noProvider()).as("slf4j-simple is on this module's test class path").isFalse();
    }
}
