package dev.pgtestkit.mock.internal;

/** Receives a plan's chunks, table by table, rows in order. Called from one thread. */
interface ChunkSink {

    void startTable(TableGenerator table);

    void chunk(TableGenerator table, Chunk chunk);

    void endTable(TableGenerator table);
}
