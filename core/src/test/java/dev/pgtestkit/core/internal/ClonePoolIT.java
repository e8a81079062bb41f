package dev.pgtestkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ClonePoolIT {

    private final PostgresServer server = PostgresProvider.auto().shared();

    /**
     * Databases given back while the pool closes are dropped, on the pool's worker or on the caller's thread, and
     * never handed to a worker that has shut down (which used to throw RejectedExecutionException from close() of a
     * DisposableDatabase).
     */
    @Test
    void discardsRacingCloseAreNeverRejected() throws Exception {
        String template = DatabaseTemplate.empty(server).name();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int round = 0; round < 30 && failure.get() == null; round++) {
            ClonePool pool = new ClonePool(server, template, 0);
            CountDownLatch discarding = new CountDownLatch(1);
            AtomicBoolean stop = new AtomicBoolean();
            Thread discarder = new Thread(() -> {
                try {
                    for (int i = 0; i < 200 && !stop.get(); i++) {
                        pool.discard(PostgresServer.DATABASE_PREFIX + "never_created_" + i);
                        discarding.countDown();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            });
            discarder.start();
            discarding.await();
            pool.close();
            stop.set(true);
            discarder.join();
        }
        assertThat(failure.get()).isNull();
    }

    @Test
    void aCloneTakenAfterCloseIsMadeOnTheCallersThreadAndDroppedOnDiscard() {
        String template = DatabaseTemplate.empty(server).name();
        ClonePool pool = new ClonePool(server, template, 1);
        pool.close();
        String clone = pool.take();
        assertThat(server.databases(clone)).containsExactly(clone);
        pool.discard(clone);
        assertThat(server.databases(clone)).isEmpty();
    }
}
