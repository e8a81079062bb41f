package dev.pgtestkit.querylog.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.pgtestkit.querylog.QueryEvent;
import dev.pgtestkit.querylog.QueryPlan;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** Writes one {@link QueryEvent} as a JSON object (the format of {@code JsonLinesListener}; see the README). */
public final class EventJson {

    private static final JsonFactory PLAN_PARSER = new JsonFactory();

    private EventJson() {
    }

    public static void write(QueryEvent event, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", event.id());
        json.writeStringField("startedAt", event.startedAt().toString());
        json.writeStringField("thread", event.threadName());
        json.writeStringField("type", event.type().name());
        json.writeStringField("sql", event.sql());
        json.writeStringField("normalized", event.normalizedSql());
        writeStrings(json, "tables", event.tables());
        writeParameters(json, event.parameters());
        json.writeNumberField("durationNanos", event.durationNanos());
        json.writeNumberField("rows", event.rows());
        json.writeNumberField("batchSize", event.batchSize());
        json.writeStringField("callSite", event.callSite().map(Object::toString).orElse(null));
        json.writeBooleanField("succeeded", event.succeeded());
        json.writeStringField("sqlState", event.sqlState().orElse(null));
        json.writeStringField("error", event.errorMessage().orElse(null));
        json.writeBooleanField("slow", event.slow());
        json.writeBooleanField("reportedWhileRunning", event.reportedWhileRunning());
        json.writeStringField("statementName", event.statementName().orElse(null));
        if (event.plan().isPresent()) {
            writePlan(json, event.plan().get());
        }
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void writeParameters(JsonGenerator json, List<List<Object>> sets) throws IOException {
        json.writeArrayFieldStart("parameters");
        for (List<Object> set : sets) {
            json.writeStartArray();
            for (Object value : set) {
                writeValue(json, value);
            }
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal || value instanceof BigInteger || value instanceof Double
                || value instanceof Float) {
            json.writeNumber(value.toString());
        } else {
            json.writeString(value.toString());
        }
    }

    private static void writePlan(JsonGenerator json, QueryPlan plan) throws IOException {
        json.writeObjectFieldStart("plan");
        json.writeStringField("summary", plan.summary());
        json.writeStringField("mode", plan.mode() == null ? null : plan.mode().name());
        if (plan.isAvailable()) {
            json.writeFieldName("explain");
            // the server's JSON is pretty-printed: copied token by token it stays on the event's one line
            try (JsonParser parser = PLAN_PARSER.createParser(plan.json())) {
                parser.nextToken();
                json.copyCurrentStructure(parser);
            }
        }
        json.writeEndObject();
    }
}
