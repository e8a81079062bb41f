package dev.pgtestkit.core.rows.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.pgtestkit.core.rows.FixtureException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a fixture file, {@code {"table": [{row}, ...], ...}} in JSON or YAML, with the line of every table and
 * row so that later failures can point into the file. Floating-point numbers are read as BigDecimal (exact). JSON
 * goes through Jackson's streaming parser (any jackson-core 2.13+), YAML through {@link YamlFixtureReader}.
 */
public final class FixtureReader {

    /** A row as written: its 0-based index in the table's list, its line and its values in file order. */
    public record FixtureRow(int index, int line, Map<String, Object> values) {
    }

    /** A table key as written, its line and its rows. */
    public record FixtureTable(String name, int line, List<FixtureRow> rows) {
    }

    private static final JsonFactory JSON = new JsonFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private FixtureReader() {
    }

    /** Whether {@code name} ends in .json, .yaml or .yml. */
    public static boolean isYaml(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return true;
        }
        if (lower.endsWith(".json")) {
            return false;
        }
        throw new FixtureException("Fixture '" + source + "' has an unknown format; name it *.json, *.yaml or *.yml.",
                source, null, -1, -1, null);
    }

    /** The tables of the file in file order. {@code source} names the file in messages. */
    public static List<FixtureTable> read(String source, InputStream in) {
        if (isYaml(source)) {
            return YamlFixtureReader.read(source, in);
        }
        try (JsonParser parser = JSON.createParser(in)) {
            return tables(source, parser);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            throw new FixtureException("Fixture '" + source + "' is not valid JSON (line " + line + ", column "
                    + column + "): " + e.getOriginalMessage(), source, null, -1, line, e);
        } catch (IOException e) {
            throw new FixtureException("Fixture '" + source + "' cannot be read: " + e.getMessage(), source, null, -1,
                    -1, e);
        }
    }

    private static List<FixtureTable> tables(String source, JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return List.of();
        }
        if (first != JsonToken.START_OBJECT) {
            throw structure(source, null, -1, parser, "must hold an object of table names to lists of rows, like"
                    + " {\"users\": [{\"email\": \"a@b.c\"}]}; found " + describe(first));
        }
        // A repeated table or column is a parse error (STRICT_DUPLICATE_DETECTION), reported with its line.
        List<FixtureTable> tables = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr();
            tables.add(new FixtureTable(name, line, rows(source, name, parser)));
        }
        return List.copyOf(tables);
    }

    private static List<FixtureRow> rows(String source, String table, JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_ARRAY) {
            throw structure(source, table, -1, parser, "must be a list of rows; found " + describe(token));
        }
        List<FixtureRow> rows = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int line = parser.currentTokenLocation().getLineNr();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw structure(source, table, rows.size(), parser, "must be an object of column values; found "
                        + describe(parser.currentToken()));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) Json.read(parser, JsonToken.START_OBJECT, true);
            rows.add(new FixtureRow(rows.size(), line, values));
        }
        return rows;
    }

    private static FixtureException structure(String source, String table, int row, JsonParser parser, String what) {
        int line = parser.currentTokenLocation().getLineNr();
        return new FixtureException(FixtureErrors.where(source, table, row, line) + what + ".", source, table, row, line,
                null);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
