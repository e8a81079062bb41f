package dev.pgtestkit.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.tx.ThreadPolicy;
import dev.pgtestkit.core.tx.TransactionSettings;
import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.WithTransaction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLocksProvider.Lock;

class ClassTransactionLocksTest {

    private final ClassTransactionLocks locks = new ClassTransactionLocks();

    @Test
    void locksAClassWhoseTransactionSpansTheClassAndItsNestedClasses() {
        Lock expected = new Lock("dev.pgtestkit.junit.class-transaction:" + ClassLevel.class.getName());
        assertThat(locks.provideForClass(ClassLevel.class)).containsExactly(expected);
        assertThat(locks.provideForNestedClass(List.of(ClassLevel.class), ClassLevel.Inner.class))
                .containsExactly(expected);
    }

    @Test
    void leavesTestsWithTransactionsOfTheirOwnUnlocked() throws NoSuchMethodException {
        assertThat(locks.provideForClass(MethodLevel.class)).isEmpty();
        assertThat(locks.provideForMethod(List.of(), MethodLevel.class, MethodLevel.class.getDeclaredMethod("test")))
                .isEmpty();
    }

    @Test
    void readsSettingsFromTheNearestAnnotation() throws NoSuchMethodException {
        WithTransaction annotation = Config.transaction(ClassLevel.Inner.class,
                MethodLevel.class.getDeclaredMethod("test")).orElseThrow();
        assertThat(Config.settings(annotation)).isEqualTo(TransactionSettings.defaults()
                .withThreads(ThreadPolicy.OWNER_ONLY).withThreadWait(Duration.ofSeconds(5)).withResetSequences(true)
                .withDetectOtherSessions(true).withStatementSavepoints(false));
        assertThat(Config.pgTest(ClassLevel.Inner.class)).isPresent();
        assertThat(Config.declaresPgTest(ClassLevel.Inner.class)).isFalse();
    }

    @Test
    void rejectsANonPositiveThreadWait() throws NoSuchMethodException {
        WithTransaction annotation = BadWait.class.getAnnotation(WithTransaction.class);
        assertThatThrownBy(() -> Config.settings(annotation))
                .hasMessage("@WithTransaction(threadWaitSeconds) must be positive, was 0");
    }

    @PgTest
    @WithTransaction
    static class ClassLevel {
        @Nested
        class Inner {
        }
    }

    @PgTest
    static class MethodLevel {
        @WithTransaction(threads = ThreadPolicy.OWNER_ONLY, threadWaitSeconds = 5, resetSequences = true)
        void test() {
        }
    }

    @WithTransaction(threadWaitSeconds = 0)
    static class BadWait {
    }
}
