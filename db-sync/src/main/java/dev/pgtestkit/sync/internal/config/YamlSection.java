package dev.pgtestkit.sync.internal.config;

import dev.pgtestkit.core.schema.NameMatcher;
import dev.pgtestkit.sync.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One mapping of {@code pgtestkit.yaml}, read through SnakeYAML's node tree so every error can name its line. Each
 * scalar can be overridden by an environment variable named after its dotted key ({@link #envName}); the
 * variables consulted are recorded so that a misspelt one can be reported.
 */
public final class YamlSection {

    private final ConfigSource source;
    private final String prefix;
    private final int line;
    private final Map<String, NodeTuple> entries;

    private YamlSection(ConfigSource source, String prefix, int line, Map<String, NodeTuple> entries) {
        this.source = source;
        this.prefix = prefix;
        this.line = line;
        this.entries = entries;
    }

    /** The document's top level; an empty document is an empty section. */
    public static YamlSection root(ConfigSource source, Node document) {
        if (document == null) {
            return new YamlSection(source, "", 1, Map.of());
        }
        return of(source, "", document);
    }

    private static YamlSection of(ConfigSource source, String prefix, Node node) {
        if (!(node instanceof MappingNode mapping)) {
            throw source.error(lineOf(node), prefix.isEmpty() ? null : prefix, "'" + (prefix.isEmpty() ? "(top level)"
                    : prefix) + "' must be a mapping of keys to values, like 'key: value'; found " + describe(node));
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw source.error(lineOf(tuple.getKeyNode()), prefix, "a key of '" + prefix + "' is not a name");
            }
            String key = keyNode.getValue();
            NodeTuple previous = entries.put(key, tuple);
            if (previous != null) {
                throw source.error(lineOf(keyNode), join(prefix, key), "'" + join(prefix, key) + "' is set twice"
                        + " (lines " + lineOf(previous.getKeyNode()) + " and " + lineOf(keyNode) + "); keep one");
            }
        }
        return new YamlSection(source, prefix, lineOf(node), entries);
    }

    /** The environment variable that overrides {@code dottedKey}: {@code databases.prod-eu.url} gives
     * {@code PGTESTKIT_DATABASES_PROD_EU_URL}. */
    public static String envName(String dottedKey) {
        return "PGTESTKIT_" + dottedKey.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }

    /** This section's dotted key ({@code databases.prod}); empty at the top level. */
    public String path() {
        return prefix;
    }

    public ConfigSource source() {
        return source;
    }

    /** The keys written in the file, in their order. */
    public List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /** The scalar at {@code key}, its environment variable winning; {@code null} when neither sets it. */
    public Value optional(String key) {
        String dotted = join(prefix, key);
        String env = envName(dotted);
        String fromEnv = source.env(env);
        if (fromEnv != null) {
            return new Value(dotted, fromEnv.strip(), "environment variable " + env, -1);
        }
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return null;
        }
        Node node = tuple.getValueNode();
        if (!(node instanceof ScalarNode scalar)) {
            throw source.error(lineOf(node), dotted, "'" + dotted + "' must be a single value; found "
                    + describe(node));
        }
        int at = lineOf(tuple.getKeyNode());
        String text = scalar.getValue().strip();
        return text.isEmpty() || text.equals("~") || text.equals("null") ? null
                : new Value(dotted, text, source.describe() + " line " + at, at);
    }

    /**
     * The scalar at {@code key}; when neither the file nor the variable sets it, an error naming the section, its
     * line, the variable and the keys the section has and may have.
     */
    public Value required(String key, String example, Set<String> allowed) {
        Value value = optional(key);
        if (value == null) {
            String dotted = join(prefix, key);
            List<String> sorted = new ArrayList<>(allowed);
            sorted.sort(null);
            throw source.error(line, dotted, "'" + dotted + "' is required" + where() + ": add '" + key + ": "
                    + example + "'" + (prefix.isEmpty() ? "" : " under '" + prefix + "'") + ", or set "
                    + envName(dotted) + ". It has: " + (entries.isEmpty() ? "(nothing)"
                    : String.join(", ", entries.keySet())) + "; keys it may have: " + String.join(", ", sorted));
        }
        return value;
    }

    /** The mapping at {@code key}, or {@code null}. */
    public YamlSection section(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : of(source, join(prefix, key), tuple.getValueNode());
    }

    /** The entries of a mapping of names ({@code databases}, {@code remotes}) as sections, in file order. */
    public Map<String, YamlSection> children() {
        Map<String, YamlSection> children = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            children.put(e.getKey(), of(source, join(prefix, e.getKey()), e.getValue().getValueNode()));
        }
        return children;
    }

    /** The 1-based line of {@code key} in the file, or this section's line when it is not written there. */
    public int lineOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line : lineOf(tuple.getKeyNode());
    }

    /** Fails on the first key not in {@code allowed}, listing those and the closest one. */
    public void onlyKeys(Set<String> allowed) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String dotted = join(prefix, e.getKey());
                List<String> sorted = new ArrayList<>(allowed);
                sorted.sort(null);
                throw source.error(lineOf(e.getValue().getKeyNode()), dotted, "Unknown key '" + dotted + "'"
                        + where(e.getKey()) + ". Keys " + (prefix.isEmpty() ? "at the top level" : "of '" + prefix
                        + "'") + ": " + String.join(", ", sorted) + "." + closest(e.getKey(), sorted));
            }
        }
    }

    /** {@code " Did you mean: x?"} when a candidate is close to {@code wanted}, else empty. */
    public static String closest(String wanted, List<String> candidates) {
        NameMatcher.Result result = NameMatcher.match(wanted, candidates);
        List<String> close = result.found() || result.ambiguous() ? result.matches() : result.suggestions();
        if (close.isEmpty()) {
            String lower = wanted.toLowerCase(Locale.ROOT);
            close = candidates.stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith(lower)
                    || lower.startsWith(c.toLowerCase(Locale.ROOT))).limit(3).toList();
        }
        return close.isEmpty() ? "" : " Did you mean: " + String.join(", ", close) + "?";
    }

    private String where() {
        return " in " + source.describe() + (prefix.isEmpty() ? "" : " ('" + prefix + "' at line " + line + ")");
    }

    private String where(String key) {
        return " in " + source.describe() + " line " + lineOf(key);
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    private static int lineOf(Node node) {
        return node == null || node.getStartMark() == null ? -1 : node.getStartMark().getLine() + 1;
    }

    private static String describe(Node node) {
        return switch (node.getNodeId()) {
            case scalar -> "the value '" + ((ScalarNode) node).getValue() + "'";
            case sequence -> "a list";
            case mapping -> "a mapping";
            default -> "an alias";
        };
    }

    /**
     * A scalar and where it came from ({@code pgtestkit.yaml line 7} or {@code environment variable X}), for
     * messages about its value.
     */
    public record Value(String key, String text, String origin, int line) {

        /** An error about this value: names the key, the origin and the fix. */
        public ConfigException invalid(Path file, String problem) {
            return new ConfigException("'" + key + "' (" + origin + ") " + problem, line < 0 ? null : file, line,
                    key);
        }
    }
}
