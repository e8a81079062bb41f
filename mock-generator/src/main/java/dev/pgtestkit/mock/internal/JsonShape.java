package dev.pgtestkit.mock.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of the JSON documents already in a column, learned from a sample of them: for each position, how
 * often it holds an object (and which keys, how often), an array (how long, of what), a string (the values seen),
 * a number (integral or not, the range seen), a boolean or null. New documents follow that shape, so tests that
 * read {@code payload->>'device'} find devices, not the generator's guess from the column name.
 */
final class JsonShape {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_STRINGS = 64;

    /** What one position of the documents held. */
    private static final class Node {
        int objects;
        int arrays;
        int strings;
        int numbers;
        int booleans;
        int trues;
        int nulls;
        final Map<String, Node> fields = new LinkedHashMap<>();
        final Map<String, Integer> fieldCounts = new LinkedHashMap<>();
        Node element;
        int minLength = Integer.MAX_VALUE;
        int maxLength;
        final Set<String> stringValues = new LinkedHashSet<>();
        String[] stringArray;
        boolean integral = true;
        BigDecimal min;
        BigDecimal max;
        int scale;

        int total() {
            return objects + arrays + strings + numbers + booleans + nulls;
        }
    }

    private final Node root;

    private JsonShape(Node root) {
        this.root = root;
        freeze(root);
    }

    /** The strings seen, as an array to pick from. */
    private static void freeze(Node n) {
        n.stringArray = n.stringValues.toArray(new String[0]);
        n.fields.values().forEach(JsonShape::freeze);
        if (n.element != null) {
            freeze(n.element);
        }
    }

    /** The shape of {@code documents}, or {@code null} when none of them parses. */
    static JsonShape learn(List<String> documents) {
        Node root = new Node();
        for (String doc : documents) {
            try (JsonParser p = JSON.createParser(doc)) {
                JsonToken t = p.nextToken();
                if (t != null) {
                    read(p, t, root);
                }
            } catch (IOException e) {
                // not JSON after all (a json column accepts what jsonb would reject): learn from the others
            }
        }
        return root.total() == 0 ? null : new JsonShape(root);
    }

    private static void read(JsonParser p, JsonToken t, Node n) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                n.objects++;
                for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
                    String key = p.currentName();
                    n.fieldCounts.merge(key, 1, Integer::sum);
                    read(p, p.nextToken(), n.fields.computeIfAbsent(key, x -> new Node()));
                }
            }
            case START_ARRAY -> {
                n.arrays++;
                int length = 0;
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    if (n.element == null) {
                        n.element = new Node();
                    }
                    read(p, e, n.element);
                    length++;
                }
                n.minLength = Math.min(n.minLength, length);
                n.maxLength = Math.max(n.maxLength, length);
            }
            case VALUE_STRING -> {
                n.strings++;
                if (n.stringValues.size() < MAX_STRINGS) {
                    n.stringValues.add(p.getText());
                }
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(p, t, n);
            case VALUE_TRUE, VALUE_FALSE -> {
                n.booleans++;
                n.trues += t == JsonToken.VALUE_TRUE ? 1 : 0;
            }
            default -> n.nulls++;
        }
    }

    private static void number(JsonParser p, JsonToken t, Node n) throws IOException {
        n.numbers++;
        BigDecimal v = p.getDecimalValue();
        n.integral &= t == JsonToken.VALUE_NUMBER_INT;
        n.scale = Math.max(n.scale, Math.max(0, v.scale()));
        n.min = n.min == null || v.compareTo(n.min) < 0 ? v : n.min;
        n.max = n.max == null || v.compareTo(n.max) > 0 ? v : n.max;
    }

    /** A new document of this shape. */
    String generate(Rng rng) {
        StringBuilder sb = new StringBuilder(64);
        write(root, rng, sb);
        return sb.toString();
    }

    private void write(Node n, Rng rng, StringBuilder sb) {
        long pick = rng.between(0, n.total() - 1L);
        long objects = n.objects;
        long arrays = objects + n.arrays;
        long strings = arrays + n.strings;
        long numbers = strings + n.numbers;
        if (pick < objects) {
            object(n, rng, sb);
        } else if (pick < arrays) {
            array(n, rng, sb);
        } else if (pick < strings) {
            sb.append(JsonSource.quote(rng.pick(n.stringArray)));
        } else if (pick < numbers) {
            sb.append(number(n, rng));
        } else if (pick < numbers + n.booleans) {
            sb.append(rng.chance((double) n.trues / n.booleans));
        } else {
            sb.append("null");
        }
    }

    private void object(Node n, Rng rng, StringBuilder sb) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Node> field : n.fields.entrySet()) {
            if (rng.chance((double) n.fieldCounts.get(field.getKey()) / n.objects)) {
                sb.append(first ? "" : ", ").append(JsonSource.quote(field.getKey())).append(": ");
                write(field.getValue(), rng, sb);
                first = false;
            }
        }
        sb.append('}');
    }

    private void array(Node n, Rng rng, StringBuilder sb) {
        int length = n.element == null ? 0 : (int) rng.between(n.minLength, n.maxLength);
        sb.append('[');
        for (int i = 0; i < length; i++) {
            sb.append(i == 0 ? "" : ", ");
            write(n.element, rng, sb);
        }
        sb.append(']');
    }

    private static String number(Node n, Rng rng) {
        if (n.integral && n.max.subtract(n.min).abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) < 0) {
            return Long.toString(rng.between(n.min.longValue(), n.max.longValue()));
        }
        BigDecimal span = n.max.subtract(n.min);
        BigDecimal v = n.min.add(span.multiply(BigDecimal.valueOf(rng.nextDouble())));
        return v.setScale(Math.max(n.scale, n.integral ? 0 : 1), RoundingMode.HALF_UP).toPlainString();
    }
}
