package dev.pgtestkit.mock.internal;

/**
 * Values of a column that must not repeat: {@link #valueAt} is injective in the coordinate (distinct
 * coordinates give distinct values) for coordinates below {@link #capacity()}. Everything else about the value
 * may be random, from {@code rng}.
 */
interface UniqueSource {

    /** How many distinct values exist; {@code Long.MAX_VALUE} for "more than will ever be asked". */
    long capacity();

    Object valueAt(long coordinate, Rng rng);
}
