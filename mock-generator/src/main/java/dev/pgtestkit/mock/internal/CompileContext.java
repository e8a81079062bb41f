package dev.pgtestkit.mock.internal;


/** Shared by the compilation of every table of a plan. */
record CompileContext(SchemaView registry, DatabaseState db, PlanKeys keys, SourceFactory sources,
                      ThreadFakers fakers, ExtensionTypes extensionTypes) {
}
