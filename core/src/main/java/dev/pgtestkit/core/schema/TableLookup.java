package dev.pgtestkit.core.schema;

import dev.pgtestkit.core.SchemaException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Forgiving table lookup for {@link SchemaRegistry}: within one schema, or in all with {@code public} first. */
final class TableLookup {

    private static final String PREFERRED_SCHEMA = "public";

    private final List<String> schemas;
    private final List<Table> tables;

    TableLookup(List<String> schemas, List<Table> tables) {
        this.schemas = schemas;
        this.tables = tables;
    }

    Table table(String schema, String name) {
        return find(schema, name).orElseThrow(() -> notFound(schema, name));
    }

    /**
     * Empty on a miss (unknown schema included); an ambiguous name throws. A qualified name
     * ({@code audit.events}, {@code "Audit"."Events"}) names its own schema, which wins over {@code schema} as
     * a qualified name wins over the search path in SQL; when its first part is no schema, the whole name may
     * still be a table's (a dot inside a name).
     */
    Optional<Table> find(String schema, String name) {
        Objects.requireNonNull(name, "name");
        Optional<NameParts.Qualified> qualified = NameParts.qualified(name);
        if (qualified.isPresent()) {
            Optional<String> ownSchema = resolveSchema(qualified.get().schema());
            if (ownSchema.isPresent()) {
                Optional<Table> found = findIn(ownSchema.get(), qualified.get().table());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (schema != null) {
            return resolveSchema(schema).flatMap(s -> findIn(s, name));
        }
        Optional<Table> preferred = findIn(PREFERRED_SCHEMA, name);
        return preferred.isPresent() ? preferred : findIn(null, name);
    }

    private Optional<String> resolveSchema(String schema) {
        if (schemas.contains(schema)) {
            return Optional.of(schema);
        }
        NameMatcher.Result result = NameMatcher.match(schema, schemas);
        return result.found() ? Optional.of(result.match()) : Optional.empty();
    }

    /** @param schema the schema to search, or {@code null} for all of them */
    private Optional<Table> findIn(String schema, String name) {
        List<Table> scope = scope(schema);
        NameMatcher.Result result = NameMatcher.match(name, scope.stream().map(Table::simpleName).toList());
        if (!result.found()) {
            if (result.ambiguous()) {
                throw MatchErrors.tableAmbiguous(schema, name, display(scope, result.matches()));
            }
            return Optional.empty();
        }
        List<Table> hits = scope.stream().filter(t -> t.simpleName().equals(result.match())).toList();
        if (hits.size() > 1) {
            throw MatchErrors.tableAmbiguous(schema, name, hits.stream().map(t -> t.name().toString()).toList());
        }
        return Optional.of(hits.get(0));
    }

    /** The error for a miss: unknown schema, or unknown table with the available ones and suggestions. */
    SchemaException notFound(String schema, String name) {
        Optional<NameParts.Qualified> qualified = NameParts.qualified(name);
        if (qualified.isPresent()) {
            // its parts are single names, so this does not come back here
            return notFound(qualified.get().schema(), qualified.get().table());
        }
        if (schema != null && resolveSchema(schema).isEmpty()) {
            return MatchErrors.schemaNotFound(NameMatcher.match(schema, schemas), schemas);
        }
        String resolved = schema == null ? null : resolveSchema(schema).orElseThrow();
        List<String> available = scope(resolved).stream()
                .map(t -> resolved == null ? MatchErrors.display(t.name()) : t.simpleName()).toList();
        NameMatcher.Result result = NameMatcher.match(name, available);
        // An exact lookup can miss a name the forgiving match finds: offer that as the suggestion.
        List<String> hints = result.suggestions().isEmpty() ? result.matches() : result.suggestions();
        return MatchErrors.tableNotFound(resolved, new NameMatcher.Result(name, List.of(), hints), available);
    }

    private List<Table> scope(String schema) {
        return schema == null ? tables : tables.stream().filter(t -> t.schema().equals(schema)).toList();
    }

    private static List<String> display(List<Table> scope, List<String> simpleNames) {
        return scope.stream().filter(t -> simpleNames.contains(t.simpleName()))
                .map(t -> t.name().toString()).toList();
    }
}
