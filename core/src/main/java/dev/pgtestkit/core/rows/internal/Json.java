package dev.pgtestkit.core.rows.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * json/jsonb values of the row API, on Jackson's streaming API alone: jackson-core has no dependencies and the calls
 * used here exist since 2.13, so whatever Jackson a user's build resolves (Flyway 10 brings 2.15, Spring Boot its
 * own) works; jackson-databind, when the user has it, only serializes objects other than maps, lists, records and
 * scalars, and its JsonNode values are read through their JSON text.
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";

    private Json() {
    }

    /** JSON text as Java values: objects become LinkedHashMap, arrays ArrayList, numbers Integer/Long/Double. */
    public static Object parse(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            Object value = read(parser, parser.nextToken(), false);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("not valid JSON: more than one value ("
                        + parser.currentToken() + " after the first)");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The value starting at {@code token}, read to its end: objects as LinkedHashMap, arrays as ArrayList, numbers
     * as Integer, Long or BigInteger, and decimals as BigDecimal when {@code bigDecimals}, else Double.
     */
    public static Object read(JsonParser parser, JsonToken token, boolean bigDecimals) throws IOException {
        if (token == null) {
            throw new JsonParseFailure(parser, "no JSON value");
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.put(name, read(parser, parser.nextToken(), bigDecimals));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(read(parser, next, bigDecimals));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> bigDecimals ? parser.getDecimalValue() : parser.getDoubleValue();
            case VALUE_TRUE, VALUE_FALSE -> token == JsonToken.VALUE_TRUE;
            case VALUE_NULL -> null;
            default -> throw new JsonParseFailure(parser, "unexpected " + token);
        };
    }

    /** The object or array in {@code text}, when the whole text is one; scalars and non-JSON give empty. */
    public static Optional<Object> parseStructure(String text) {
        String trimmed = text.strip();
        boolean looksStructured = (trimmed.startsWith("{") && trimmed.endsWith("}"))
                || (trimmed.startsWith("[") && trimmed.endsWith("]"));
        if (!looksStructured) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(trimmed));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when the whole of {@code text} is one JSON value. */
    public static boolean isJson(String text) {
        try {
            parse(text);
            return !text.isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code value} is a Jackson databind {@code JsonNode} (databind need not be on the class path). */
    public static boolean isJsonNode(Object value) {
        for (Class<?> c = value == null ? null : value.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(JSON_NODE)) {
                return true;
            }
        }
        return false;
    }

    /** A JsonNode as Java values (maps, lists, scalars), through its JSON text. */
    public static Object toJava(Object jsonNode) {
        return parse(jsonNode.toString());
    }

    /**
     * Any Java value as JSON text: maps, collections, arrays, records, strings, numbers, booleans, enums (their
     * name), JsonNodes; other objects through jackson-databind when it is on the class path.
     */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot be written as JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.writeFieldName(String.valueOf(e.getKey()));
                write(out, e.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Collection<?> || value.getClass().isArray()) {
            out.writeStartArray();
            for (Object item : items(value)) {
                write(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof Record record) {
            write(out, components(record));
        } else {
            writeScalar(out, value);
        }
    }

    private static void writeScalar(JsonGenerator out, Object value) throws IOException {
        if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>
                || value instanceof java.time.temporal.TemporalAccessor || value instanceof java.util.UUID) {
            out.writeString(value instanceof Enum<?> e ? e.name() : value.toString());
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Number n) {
            out.writeNumber(n.toString());
        } else if (isJsonNode(value)) {
            out.writeRawValue(value.toString());
        } else {
            out.writeRawValue(DatabindWriter.write(value));
        }
    }

    private static Iterable<?> items(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection;
        }
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < Array.getLength(value); i++) {
            items.add(Array.get(value, i));
        }
        return items;
    }

    private static Map<String, Object> components(Record record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                component.getAccessor().setAccessible(true);
                values.put(component.getName(), component.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot read " + component.getName() + " of " + record, e);
            }
        }
        return values;
    }

    /** A parse failure at the parser's position, reported like Jackson's own. */
    private static final class JsonParseFailure extends JsonProcessingException {
        JsonParseFailure(JsonParser parser, String message) {
            super(message, parser.currentLocation());
        }
    }
}
