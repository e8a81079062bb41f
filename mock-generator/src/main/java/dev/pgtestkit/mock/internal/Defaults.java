package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.value.FakeKind;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The generator's defaults where neither constraints nor names say anything. */
final class Defaults {

    /**
     * Dates and timestamps fall in the three years before the current month (UTC) by default: recent, never in
     * the future, and the same for every run within a month.
     */
    @SuppressWarnings("TimeInStaticInitializer") // one window per JVM on purpose: every table of a run agrees
    static final LocalDate WINDOW_END = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusDays(1);
    static final LocalDate WINDOW_START = WINDOW_END.minusYears(3).plusDays(1);
    /** Expiries and due dates: from two months before the window's end to a year after it. */
    static final LocalDate FUTURE_START = WINDOW_END.minusDays(60);
    static final LocalDate FUTURE_END = WINDOW_END.plusYears(1);
    static final LocalDate BIRTH_START = LocalDate.of(1950, 1, 1);
    static final LocalDate BIRTH_END = LocalDate.of(2006, 12, 31);

    /** Natural range of plain numbers, in whole units. */
    static final long NUMBER_LOW = 1;
    static final long NUMBER_HIGH = 1000;

    /** Attempts per row before a check is declared unsatisfiable. */
    static final int ATTEMPTS = 64;

    private Defaults() {
    }

    static FakeKind textKind(int maxLength) {
        if (maxLength <= 30) {
            return FakeKind.WORD;
        }
        return maxLength <= 120 ? FakeKind.LABEL : FakeKind.SENTENCE;
    }
}
