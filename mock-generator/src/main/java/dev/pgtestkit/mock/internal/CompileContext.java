package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.SchemaRegistry;

/** Shared by the compilation of every table of a plan. */
record CompileContext(SchemaRegistry registry, DatabaseState db, PlanKeys keys, SourceFactory sources,
                      ThreadFakers fakers) {
}
