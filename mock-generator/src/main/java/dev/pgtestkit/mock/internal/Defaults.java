package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.value.FakeKind;
import java.time.LocalDate;

/** The generator's defaults where neither constraints nor names say anything. */
final class Defaults {

    /** Dates and timestamps fall in this window by default (so partitions by year get rows). */
    static final LocalDate WINDOW_START = LocalDate.of(2023, 1, 1);
    static final LocalDate WINDOW_END = LocalDate.of(2026, 12, 31);
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
