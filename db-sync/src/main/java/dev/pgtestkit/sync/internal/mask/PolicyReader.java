package dev.pgtestkit.sync.internal.mask;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.sync.MaskingException;
import dev.pgtestkit.sync.MaskingPolicy;
import dev.pgtestkit.sync.MaskingPolicy.Decision;
import dev.pgtestkit.sync.MaskingPolicy.Transform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Masking policy files through SnakeYAML's node tree (as core reads fixtures): {@code columns:} maps
 * {@code schema.table.column} to a transform name, {@code null}, or {@code {constant: value}}. Every error names the
 * file, the line and the key.
 */
public final class PolicyReader {

    private static final String TRANSFORMS = Arrays.stream(Transform.values())
            .filter(t -> t != Transform.CONSTANT).map(Transform::policyName).collect(Collectors.joining(", "))
            + ", {constant: value}";

    private PolicyReader() {
    }

    public static Map<String, Decision> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new MaskingException("Cannot read the masking policy " + file + ": " + e.getMessage(), e);
        }
    }

    public static Map<String, Decision> parse(String text, String origin) {
        Node root;
        try {
            root = new Yaml().compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? -1 : e.getProblemMark().getLine() + 1;
            throw new MaskingException("Masking policy " + origin + " is not valid YAML or JSON (line " + line
                    + "): " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new MaskingException("Masking policy " + origin + " is not valid YAML or JSON: " + e.getMessage(),
                    e);
        }
        if (root == null) {
            return Map.of();
        }
        if (!(root instanceof MappingNode top)) {
            throw error(origin, root, "must be an object with a 'columns' key, like columns: {public.users.email:"
                    + " email}");
        }
        Map<String, Decision> decisions = new LinkedHashMap<>();
        for (NodeTuple entry : top.getValue()) {
            String key = scalar(origin, entry.getKeyNode());
            if (!key.equals("columns")) {
                throw error(origin, entry.getKeyNode(), "has unknown key '" + key + "'; the policy has one key:"
                        + " columns");
            }
            if (!(entry.getValueNode() instanceof MappingNode columns)) {
                throw error(origin, entry.getValueNode(), "'columns' must map schema.table.column to a transform");
            }
            for (NodeTuple column : columns.getValue()) {
                String name = normalizeColumn(scalar(origin, column.getKeyNode()), origin + " line "
                        + line(column.getKeyNode()));
                if (decisions.put(name, decision(origin, name, column.getValueNode())) != null) {
                    throw error(origin, column.getKeyNode(), "names " + name + " twice");
                }
            }
        }
        return decisions;
    }

    private static Decision decision(String origin, String column, Node value) {
        if (value instanceof MappingNode map) {
            if (map.getValue().size() == 1 && scalar(origin, map.getValue().get(0).getKeyNode()).equals("constant")
                    && map.getValue().get(0).getValueNode() instanceof ScalarNode constant) {
                return new Decision(Transform.CONSTANT, constant.getValue());
            }
            throw error(origin, value, "column " + column + ": an object must be {constant: value}");
        }
        String name = scalar(origin, value);
        if (name.isEmpty() || name.equals("~") || name.equalsIgnoreCase("null")) {
            return new Decision(Transform.NULL, null);
        }
        String normalized = name.toLowerCase(Locale.ROOT).replace('-', '_');
        if (normalized.equals("name")) {
            normalized = "full_name";
        }
        for (Transform t : Transform.values()) {
            if (t != Transform.CONSTANT && t.policyName().equals(normalized)) {
                return new Decision(t, null);
            }
        }
        throw error(origin, value, "column " + column + ": unknown transform '" + name + "'; use one of "
                + TRANSFORMS);
    }

    /**
     * {@code schema.table.column} in the canonical form of {@link MaskingPolicy#key}: unquoted parts fold to lower
     * case as in SQL, quoted ones ({@code "Order"}) are kept.
     */
    public static String normalizeColumn(String text, String origin) {
        List<String> parts = identifiers(text);
        if (parts == null || parts.size() != 3) {
            throw new MaskingException("Masking policy " + origin + ": '" + text + "' must name a column as"
                    + " schema.table.column (quote names with dots or upper case: \"Sales\".\"Order\".id)");
        }
        return MaskingPolicy.key(QualifiedName.of(parts.get(0), parts.get(1)), parts.get(2));
    }

    private static List<String> identifiers(String text) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i <= text.length()) {
            StringBuilder part = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                int j = i + 1;
                while (true) {
                    if (j >= text.length()) {
                        return null;
                    }
                    if (text.charAt(j) == '"') {
                        if (j + 1 < text.length() && text.charAt(j + 1) == '"') {
                            part.append('"');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    part.append(text.charAt(j++));
                }
                i = j + 1;
            } else {
                int j = text.indexOf('.', i);
                int end = j < 0 ? text.length() : j;
                part.append(text.substring(i, end).strip().toLowerCase(Locale.ROOT));
                i = end;
            }
            if (part.length() == 0) {
                return null;
            }
            parts.add(part.toString());
            if (i >= text.length()) {
                break;
            }
            if (text.charAt(i) != '.') {
                return null;
            }
            i++;
        }
        return parts;
    }

    private static String scalar(String origin, Node node) {
        if (!(node instanceof ScalarNode s)) {
            throw error(origin, node, "expected a plain value");
        }
        return s.getValue();
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? -1 : node.getStartMark().getLine() + 1;
    }

    private static MaskingException error(String origin, Node node, String problem) {
        return new MaskingException("Masking policy " + origin + " line " + line(node) + ": " + problem + ".");
    }
}
