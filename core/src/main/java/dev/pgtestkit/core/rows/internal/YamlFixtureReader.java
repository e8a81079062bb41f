package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.rows.FixtureException;
import dev.pgtestkit.core.rows.internal.FixtureReader.FixtureRow;
import dev.pgtestkit.core.rows.internal.FixtureReader.FixtureTable;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * YAML fixtures through SnakeYAML's node tree (the same API from 1.33 to 2.x, so whatever SnakeYAML a user's
 * build resolves works). Plain scalars follow the YAML 1.2 core schema, as Jackson's YAML reader did: {@code null}
 * and {@code ~} are null, {@code true}/{@code false} booleans, integers Long or BigInteger, decimals BigDecimal;
 * {@code yes}, {@code on} and dates stay text for the column type to convert.
 */
final class YamlFixtureReader {

    private static final Pattern NULL = Pattern.compile("|~|null|Null|NULL");
    private static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private YamlFixtureReader() {
    }

    static List<FixtureTable> read(String source, InputStream in) {
        Node root;
        try {
            root = new Yaml().compose(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? -1 : e.getProblemMark().getLine() + 1;
            int column = e.getProblemMark() == null ? -1 : e.getProblemMark().getColumn() + 1;
            throw new FixtureException("Fixture '" + source + "' is not valid YAML (line " + line + ", column "
                    + column + "): " + e.getProblem(), source, null, -1, line, e);
        } catch (YAMLException e) {
            throw new FixtureException("Fixture '" + source + "' is not valid YAML: " + e.getMessage(), source, null,
                    -1, -1, e);
        }
        return root == null ? List.of() : tables(source, root);
    }

    private static List<FixtureTable> tables(String source, Node root) {
        if (!(root instanceof MappingNode mapping)) {
            throw structure(source, null, -1, root, "must hold an object of table names to lists of rows, like"
                    + " {\"users\": [{\"email\": \"a@b.c\"}]}; found " + describe(root));
        }
        List<FixtureTable> tables = new ArrayList<>();
        for (Map.Entry<String, Node> entry : entries(source, null, mapping).entrySet()) {
            Node value = entry.getValue();
            if (!(value instanceof SequenceNode list)) {
                throw structure(source, entry.getKey(), -1, value, "must be a list of rows; found " + describe(value));
            }
            List<FixtureRow> rows = new ArrayList<>();
            for (Node row : list.getValue()) {
                if (!(row instanceof MappingNode columns)) {
                    throw structure(source, entry.getKey(), rows.size(), row, "must be an object of column values;"
                            + " found " + describe(row));
                }
                rows.add(new FixtureRow(rows.size(), line(row), object(source, entry.getKey(), columns)));
            }
            tables.add(new FixtureTable(entry.getKey(), line(keyNode(mapping, entry.getKey())), rows));
        }
        return List.copyOf(tables);
    }

    /** Keys in file order; a repeated key is an error, as in JSON fixtures. */
    private static Map<String, Node> entries(String source, String table, MappingNode mapping) {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) {
                throw structure(source, table, -1, tuple.getKeyNode(), "keys must be names; found "
                        + describe(tuple.getKeyNode()));
            }
            if (entries.putIfAbsent(key, tuple.getValueNode()) != null) {
                int line = line(tuple.getKeyNode());
                throw new FixtureException("Fixture '" + source + "' is not valid YAML (line " + line + ", column "
                        + (tuple.getKeyNode().getStartMark().getColumn() + 1) + "): Duplicate field '" + key + "'",
                        source, table, -1, line, null);
            }
        }
        return entries;
    }

    private static Node keyNode(MappingNode mapping, String key) {
        return mapping.getValue().stream().map(NodeTuple::getKeyNode)
                .filter(k -> k instanceof ScalarNode s && s.getValue().equals(key)).findFirst().orElseThrow();
    }

    private static Map<String, Object> object(String source, String table, MappingNode mapping) {
        Map<String, Object> values = new LinkedHashMap<>();
        entries(source, table, mapping).forEach((k, v) -> values.put(k, value(source, table, v)));
        return values;
    }

    private static Object value(String source, String table, Node node) {
        if (node instanceof MappingNode mapping) {
            return object(source, table, mapping);
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> items = new ArrayList<>();
            sequence.getValue().forEach(item -> items.add(value(source, table, item)));
            return items;
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.isPlain() ? plain(scalar.getValue()) : scalar.getValue();
    }

    private static Object plain(String text) {
        if (NULL.matcher(text).matches()) {
            return null;
        }
        if (BOOLEAN.matcher(text).matches()) {
            return Boolean.valueOf(text.toLowerCase(java.util.Locale.ROOT));
        }
        if (INTEGER.matcher(text).matches()) {
            BigInteger value = new BigInteger(text);
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        }
        return DECIMAL.matcher(text).matches() ? new BigDecimal(text) : text;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static FixtureException structure(String source, String table, int row, Node node, String what) {
        int line = line(node);
        return new FixtureException(FixtureErrors.where(source, table, row, line) + what + ".", source, table, row, line,
                null);
    }

    private static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "an object";
        }
        Object value = node instanceof ScalarNode s && s.isPlain() ? plain(s.getValue()) : "";
        if (value == null) {
            return "null";
        }
        return value instanceof Boolean ? "a boolean" : value instanceof Number ? "a number" : "a string";
    }
}
