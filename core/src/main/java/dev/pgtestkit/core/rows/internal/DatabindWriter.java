package dev.pgtestkit.core.rows.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgtestkit.core.internal.ClassPath;

/** Objects {@link Json} cannot write itself, through jackson-databind: loaded only when such an object comes. */
final class DatabindWriter {

    private DatabindWriter() {
    }

    static String write(Object value) {
        if (!ClassPath.has("com.fasterxml.jackson.databind.ObjectMapper")) {
            throw new IllegalArgumentException("a " + value.getClass().getName() + " can be written as JSON only "
                    + "with jackson-databind on the class path (add com.fasterxml.jackson.core:jackson-databind), or "
                    + "pass a Map, List, record or JSON text");
        }
        try {
            return Holder.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
