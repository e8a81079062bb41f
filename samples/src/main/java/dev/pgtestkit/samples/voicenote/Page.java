package dev.pgtestkit.samples.voicenote;

import java.util.List;

/** One page of a listing: its items, its number (from 1) and the total over all pages. */
public record Page<T>(List<T> items, int number, long total) {

    /** Items per page (the seed's default). */
    public static final int SIZE = 20;

    /** The number of pages the total fills. */
    public long pages() {
        return (total + SIZE - 1) / SIZE;
    }
}
