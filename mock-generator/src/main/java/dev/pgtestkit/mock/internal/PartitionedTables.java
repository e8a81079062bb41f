package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.CheckConstraint;
import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.TableKind;
import dev.pgtestkit.core.schema.UniqueKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partitioned table as the generator fills it: rows go to the root, so the root carries what its partitions
 * declare. Foreign keys and unique keys of any partition are applied to every row (stricter, always valid);
 * the partition bounds, with each leaf's own checks, become one check whose alternatives are the leaves, so each
 * row is drawn inside one partition (a DEFAULT partition, or a complete set of hash partitions, accepts whatever
 * its parent accepts).
 */
final class PartitionedTables {

    private static final Pattern HASH = Pattern.compile("FOR VALUES WITH \\(modulus (\\d+), remainder \\d+\\)");

    private final Map<QualifiedName, List<Table>> children = new HashMap<>();
    private final Map<QualifiedName, Table> byName = new HashMap<>();

    private PartitionedTables(List<Table> tables) {
        for (Table t : tables) {
            byName.put(t.name(), t);
            if (t.partitionOf() != null) {
                children.computeIfAbsent(t.partitionOf(), k -> new ArrayList<>()).add(t);
            }
        }
    }

    /** Every table, roots of partition trees replaced by their merged form. */
    static Map<QualifiedName, Table> merge(List<Table> tables) {
        PartitionedTables p = new PartitionedTables(tables);
        Map<QualifiedName, Table> out = new LinkedHashMap<>();
        for (Table t : tables) {
            boolean root = t.kind() == TableKind.PARTITIONED && t.partitionOf() == null;
            out.put(t.name(), root ? p.merged(t) : t);
        }
        return out;
    }

    private Table merged(Table root) {
        List<Table> leaves = new ArrayList<>();
        List<Table> descendants = new ArrayList<>();
        collect(root, leaves, descendants);
        List<ForeignKey> fks = new ArrayList<>(root.foreignKeys());
        Set<String> fkSignatures = new LinkedHashSet<>();
        root.foreignKeys().forEach(fk -> fkSignatures.add(signature(fk)));
        List<UniqueKey> uniques = new ArrayList<>(root.uniqueKeys());
        Set<String> keySignatures = new LinkedHashSet<>();
        root.primaryKeyOptional().ifPresent(k -> keySignatures.add(k.columns().toString()));
        root.uniqueKeys().forEach(k -> keySignatures.add(k.columns() + " " + k.predicate()));
        for (Table d : descendants) {
            for (ForeignKey fk : d.foreignKeys()) {
                if (fkSignatures.add(signature(fk))) {
                    QualifiedName referenced = fk.referencedTable().equals(d.name()) ? root.name() : fk.referencedTable();
                    fks.add(new ForeignKey(fk.name(), root.name(), fk.columns(), referenced, fk.referencedColumns(),
                            fk.onDelete(), fk.onUpdate(), fk.deferrable(), fk.initiallyDeferred()));
                }
            }
            d.primaryKeyOptional().filter(k -> keySignatures.add(k.columns().toString()))
                    .ifPresent(k -> uniques.add(new UniqueKey(k.name(), UniqueKey.Kind.UNIQUE_CONSTRAINT, k.columns(),
                            null, false)));
            d.uniqueKeys().stream().filter(k -> keySignatures.add(k.columns() + " " + k.predicate()))
                    .forEach(uniques::add);
        }
        List<CheckConstraint> checks = new ArrayList<>(root.checks());
        CheckConstraint bounds = bounds(root, leaves);
        if (bounds != null) {
            checks.add(bounds);
        }
        return new Table(root.name(), root.kind(), null, root.columns(), root.primaryKey(), uniques, fks, checks,
                root.indexes(), root.partitioning());
    }

    private void collect(Table table, List<Table> leaves, List<Table> descendants) {
        for (Table child : children.getOrDefault(table.name(), List.of())) {
            descendants.add(child);
            if (child.kind() == TableKind.PARTITIONED) {
                collect(child, leaves, descendants);
            } else {
                leaves.add(child);
            }
        }
    }

    /** One alternative per leaf: the bound of its path, and the checks the leaf adds to the root's. */
    private CheckConstraint bounds(Table root, List<Table> leaves) {
        Set<String> rootChecks = new LinkedHashSet<>();
        root.checks().forEach(c -> rootChecks.add(c.name()));
        List<String> alternatives = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (Table leaf : leaves) {
            List<String> parts = new ArrayList<>();
            String path = pathConstraint(leaf, root);
            if (path != null) {
                parts.add(path);
            }
            for (CheckConstraint c : leaf.checks()) {
                if (!rootChecks.contains(c.name())) {
                    parts.add("(" + c.expression() + ")");
                    columns.addAll(c.columns());
                }
            }
            if (parts.isEmpty()) {
                return null;
            }
            alternatives.add("(" + String.join(" AND ", parts) + ")");
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        String expression = "(" + String.join(" OR ", alternatives) + ")";
        root.columns().forEach(c -> columns.add(c.name()));
        return new CheckConstraint(root.simpleName() + "_partition_bounds", "CHECK " + expression, expression,
                List.copyOf(columns));
    }

    /**
     * The constraint rows of {@code node} meet (its ancestors' included), or {@code null} when any row goes: one
     * of a complete set of hash partitions takes what its parent takes, so does a DEFAULT partition below
     * another partition (its own constraint repeats the siblings' bounds negated, which the parent's alone
     * covers when the siblings are further partitioned).
     */
    private String pathConstraint(Table node, Table root) {
        if (node.name().equals(root.name())) {
            return null;
        }
        Table parent = byName.get(node.partitionOf());
        boolean nestedDefault = node.partitioning().isDefault() && !parent.name().equals(root.name());
        if (nestedDefault || completeHash(node) || node.partitioning().constraint() == null) {
            return pathConstraint(parent, root);
        }
        return node.partitioning().constraint();
    }

    private boolean completeHash(Table node) {
        Matcher m = HASH.matcher(String.valueOf(node.partitioning().bound()));
        if (!m.matches()) {
            return false;
        }
        List<Table> siblings = children.getOrDefault(node.partitionOf(), List.of());
        int modulus = Integer.parseInt(m.group(1));
        return siblings.size() == modulus && siblings.stream()
                .allMatch(s -> HASH.matcher(String.valueOf(s.partitioning().bound())).matches()
                        && s.partitioning().bound().contains("modulus " + modulus + ","));
    }

    private static String signature(ForeignKey fk) {
        return fk.columns() + "->" + fk.referencedTable() + fk.referencedColumns();
    }
}
