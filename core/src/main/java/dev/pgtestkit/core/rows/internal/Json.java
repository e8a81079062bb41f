package dev.pgtestkit.core.rows.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** The one Jackson mapper the row API uses for json/jsonb values. */
public final class Json {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** JSON text as Java values: objects become LinkedHashMap, arrays ArrayList, numbers Integer/Long/Double. */
    public static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
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
            return Optional.of(MAPPER.readValue(trimmed, Object.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** True when the whole of {@code text} is one JSON value. */
    public static boolean isJson(String text) {
        try {
            MAPPER.readTree(text);
            return !text.isBlank();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    public static Object toJava(JsonNode node) {
        return MAPPER.convertValue(node, Object.class);
    }

    /** Any Java value (map, list, record, number...) as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
