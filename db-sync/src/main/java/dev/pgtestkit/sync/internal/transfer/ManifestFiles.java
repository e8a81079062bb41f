package dev.pgtestkit.sync.internal.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pgtestkit.sync.RemoteSyncException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a {@code manifest.json} lists, with their sizes and SHA-256: every object with {@code path},
 * {@code bytes} and {@code sha256} fields.
 */
final class ManifestFiles {

    private static final JsonFactory JSON = new JsonFactory();

    private ManifestFiles() {
    }

    /** One listed file. */
    record Digest(String path, long bytes, String sha256) {}

    static Map<String, Digest> parse(byte[] json, String origin) {
        Map<String, Digest> files = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            Deque<Map<String, Object>> objects = new ArrayDeque<>();
            String field = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT -> objects.push(new HashMap<>());
                    case END_OBJECT -> add(objects.pop(), files);
                    case FIELD_NAME -> field = parser.currentName();
                    case VALUE_STRING -> put(objects, field, parser.getText());
                    case VALUE_NUMBER_INT -> put(objects, field, parser.getLongValue());
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new RemoteSyncException(origin + " is not a readable manifest: " + e.getMessage(), e);
        }
        return files;
    }

    private static void put(Deque<Map<String, Object>> objects, String field, Object value) {
        if (!objects.isEmpty() && field != null) {
            objects.peek().put(field, value);
        }
    }

    private static void add(Map<String, Object> object, Map<String, Digest> files) {
        if (object.get("path") instanceof String path && object.get("bytes") instanceof Long bytes
                && object.get("sha256") instanceof String sha) {
            files.put(path, new Digest(path, bytes, sha));
        }
    }
}
