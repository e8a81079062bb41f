package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.mock.ChildCount;
import dev.pgtestkit.mock.ColumnOverride;
import dev.pgtestkit.mock.GenerationPlan;
import dev.pgtestkit.mock.TablePlan;
import dev.pgtestkit.sync.cli.UsageException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A generation plan from a YAML (or JSON) file, for {@code pgtestkit mock --plan FILE}:
 *
 * <pre>
 * seed: 42                     # optional; --seed wins
 * allTables: 100               # optional: every table gets 100 rows, unless listed below
 * exclude: [audit_log]         # optional: tables allTables leaves out
 * parentRows: 10               # optional: rows for an empty parent a NOT NULL foreign key needs
 * tables:
 *   users: 1000                # a row count
 *   orders:
 *     perParent: {table: users, min: 0, max: 5}
 *     columns: {status: paid}  # constants
 *     nullFractions: {note: 0.5}
 * </pre>
 *
 * Every mistake is an error naming the file, the line and the key, with the keys that are allowed.
 */
public final class PlanFile {

    private static final Set<String> TOP_KEYS = Set.of("seed", "allTables", "exclude", "parentRows", "tables");
    private static final Set<String> TABLE_KEYS = Set.of("rows", "perParent", "columns", "nullFractions");
    private static final Set<String> PER_PARENT_KEYS = Set.of("table", "count", "min", "max", "column");

    private final Path file;
    private Long seed;
    private GenerationPlan plan;

    private PlanFile(Path file) {
        this.file = file;
    }

    /** Reads and checks a plan file. */
    public static PlanFile read(Path file) {
        PlanFile planFile = new PlanFile(file);
        planFile.parse();
        return planFile;
    }

    /** The plan's {@code seed}, or {@code null}. */
    public Long seed() {
        return seed;
    }

    public GenerationPlan plan() {
        return plan;
    }

    private void parse() {
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (NoSuchFileException e) {
            throw new UsageException("Plan file " + file + " does not exist.");
        } catch (MarkedYAMLException e) {
            throw new UsageException("Plan file " + file + " is not valid YAML at line "
                    + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem() + ".", e);
        } catch (YAMLException | IOException e) {
            throw new UsageException("Cannot read plan file " + file + ": " + e.getMessage(), e);
        }
        if (!(root instanceof MappingNode top)) {
            throw error(root, "is empty or not a mapping; it needs at least 'tables:' or 'allTables:'");
        }
        GenerationPlan.Builder builder = GenerationPlan.builder();
        boolean anyTables = false;
        for (NodeTuple entry : entries(top, TOP_KEYS, "at the top level")) {
            String key = key(entry);
            Node value = entry.getValueNode();
            switch (key) {
                case "seed" -> seed = number(value, "seed");
                case "allTables" -> {
                    builder.allTables(count(value, "allTables"));
                    anyTables = true;
                }
                case "parentRows" -> builder.parentRows(count(value, "parentRows"));
                case "exclude" -> builder.exclude(strings(value, "exclude").toArray(String[]::new));
                default -> anyTables |= tables(value, builder);
            }
        }
        if (!anyTables) {
            throw error(top, "names no table: add 'tables:' (table: rows) or 'allTables: N'");
        }
        try {
            plan = builder.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException("Plan file " + file + ": " + e.getMessage(), e);
        }
    }

    private boolean tables(Node value, GenerationPlan.Builder builder) {
        if (!(value instanceof MappingNode tables) || tables.getValue().isEmpty()) {
            throw error(value, "'tables' must map table names to a row count or to settings");
        }
        for (NodeTuple entry : tables.getValue()) {
            String table = key(entry);
            Node spec = entry.getValueNode();
            if (spec instanceof ScalarNode) {
                builder.table(table, count(spec, "tables." + table));
            } else if (spec instanceof MappingNode settings) {
                builder.table(table, tableSpec(table, settings));
            } else {
                throw error(spec, "'tables." + table + "' must be a row count or settings (" + TABLE_KEYS + ")");
            }
        }
        return true;
    }

    private Consumer<TablePlan.Builder> tableSpec(String table, MappingNode settings) {
        List<Consumer<TablePlan.Builder>> steps = new ArrayList<>();
        String where = "tables." + table;
        boolean counted = false;
        for (NodeTuple entry : entries(settings, TABLE_KEYS, "in '" + where + "'")) {
            String key = key(entry);
            Node value = entry.getValueNode();
            switch (key) {
                case "rows" -> {
                    long rows = count(value, where + ".rows");
                    steps.add(t -> t.rows(rows));
                    counted = true;
                }
                case "perParent" -> {
                    steps.add(perParent(where + ".perParent", value));
                    counted = true;
                }
                case "columns" -> {
                    for (NodeTuple column : entries(value, null, where + ".columns")) {
                        String name = key(column);
                        Object constant = scalar(column.getValueNode(), where + ".columns." + name);
                        steps.add(t -> t.column(name, ColumnOverride.constant(constant)));
                    }
                }
                default -> {
                    for (NodeTuple column : entries(value, null, where + ".nullFractions")) {
                        String name = key(column);
                        double fraction = fraction(column.getValueNode(), where + ".nullFractions." + name);
                        steps.add(t -> t.nullFraction(name, fraction));
                    }
                }
            }
        }
        if (!counted) {
            throw error(settings, "'" + where + "' needs 'rows: N' or 'perParent: {table: T, min: A, max: B}'");
        }
        return t -> steps.forEach(step -> step.accept(t));
    }

    private Consumer<TablePlan.Builder> perParent(String where, Node value) {
        String parent = null;
        String column = null;
        Long min = null;
        Long max = null;
        for (NodeTuple entry : entries(value, PER_PARENT_KEYS, "in '" + where + "'")) {
            String key = key(entry);
            Node v = entry.getValueNode();
            switch (key) {
                case "table" -> parent = (String) scalar(v, where + ".table");
                case "column" -> column = (String) scalar(v, where + ".column");
                case "count" -> {
                    min = number(v, where + ".count");
                    max = min;
                }
                case "min" -> min = number(v, where + ".min");
                default -> max = number(v, where + ".max");
            }
        }
        if (min == null || max == null || min < 0 || max < min || max > Integer.MAX_VALUE) {
            throw error(value, "'" + where + "' needs 'count: N' or 'min: A, max: B' with 0 <= A <= B");
        }
        String parentTable = parent;
        ChildCount count = new ChildCount(min.intValue(), max.intValue(), column);
        return t -> t.perParent(parentTable, count);
    }

    private List<NodeTuple> entries(Node node, Set<String> allowed, String where) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, where + " must be a mapping (key: value)");
        }
        for (NodeTuple entry : mapping.getValue()) {
            String key = key(entry);
            if (allowed != null && !allowed.contains(key)) {
                throw error(entry.getKeyNode(), "unknown key '" + key + "' " + where + "; the keys are "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return mapping.getValue();
    }

    private String key(NodeTuple entry) {
        if (entry.getKeyNode() instanceof ScalarNode s) {
            return s.getValue();
        }
        throw error(entry.getKeyNode(), "keys must be plain names");
    }

    private Object scalar(Node node, String where) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw error(node, "'" + where + "' must be a single value");
    }

    private long number(Node node, String where) {
        Object value = scalar(node, where);
        try {
            return Long.parseLong(value.toString().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(node, "'" + where + "' must be a whole number, not '" + value + "'");
        }
    }

    private long count(Node node, String where) {
        long n = number(node, where);
        if (n < 0) {
            throw error(node, "'" + where + "' must be 0 or more, not " + n);
        }
        return n;
    }

    private double fraction(Node node, String where) {
        Object value = scalar(node, where);
        try {
            double f = Double.parseDouble(value.toString());
            if (f >= 0 && f <= 1) {
                return f;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(node, "'" + where + "' must be a fraction between 0 and 1, not '" + value + "'");
    }

    private List<String> strings(Node node, String where) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue().stream().map(n -> (String) scalar(n, where)).toList();
        }
        return List.of((String) scalar(node, where));
    }

    private UsageException error(Node node, String problem) {
        String at = node == null ? "" : " line " + (node.getStartMark().getLine() + 1) + ":";
        return new UsageException("Plan file " + file + at + " " + problem + ".");
    }
}
