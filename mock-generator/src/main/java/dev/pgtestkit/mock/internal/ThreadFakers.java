package dev.pgtestkit.mock.internal;

import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * One Datafaker instance per thread, over a {@link Random} that is reseeded before every use: the value then
 * depends only on the seed, never on what the thread generated before. Creating a Faker is expensive (it loads
 * its YAML data), reseeding costs nothing.
 */
public final class ThreadFakers {

    private final ThreadLocal<Seeded> perThread;

    public ThreadFakers(Locale locale) {
        this.perThread = ThreadLocal.withInitial(() -> new Seeded(locale));
    }

    /** This thread's Faker, reseeded with {@code seed}. */
    public Faker faker(long seed) {
        Seeded s = perThread.get();
        s.random.setSeed(seed);
        return s.faker;
    }

    private static final class Seeded {
        final Random random = new Random(0);
        final Faker faker;

        Seeded(Locale locale) {
            this.faker = new Faker(locale, random);
        }
    }
}
