package dev.pgtestkit.sync.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/** Writes maps, lists, strings, numbers, booleans and nulls as pretty-printed JSON (jackson-core's generator). */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** The value as a JSON document; other objects are written as their {@code toString()}. */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            gen.useDefaultPrettyPrinter();
            write(gen, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator gen, Object value) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                gen.writeFieldName(String.valueOf(e.getKey()));
                write(gen, e.getValue());
            }
            gen.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            gen.writeStartArray();
            for (Object item : list) {
                write(gen, item);
            }
            gen.writeEndArray();
        } else if (value instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            gen.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger n) {
            gen.writeNumber(n);
        } else if (value instanceof BigDecimal n) {
            gen.writeNumber(n);
        } else if (value instanceof Number n) {
            gen.writeNumber(n.doubleValue());
        } else {
            gen.writeString(value.toString());
        }
    }
}
