package dev.pgtestkit.sync.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.sync.DatabaseLocale;
import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.DumpManifest.FileEntry;
import dev.pgtestkit.sync.DumpManifest.TableEntry;
import dev.pgtestkit.sync.ManifestException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} on jackson-core's streaming API (databind stays optional for users). Written with a fixed key
 * order and two-space indentation, so equal manifests are equal bytes; read into a tree first, so the format
 * version is checked before anything else and unknown keys of later minor additions are ignored.
 */
public final class ManifestJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ManifestJson() {
    }

    public static DumpManifest read(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new ManifestException("No dump at " + file.getParent() + ": " + file.getFileName()
                    + " is missing. Give the directory a dump was written to (it holds manifest.json, schema/ and"
                    + " data/).", e);
        } catch (IOException e) {
            throw new ManifestException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static DumpManifest parse(byte[] json, String origin) {
        Map<String, Object> root;
        try (JsonParser parser = FACTORY.createParser(json)) {
            Object tree = readValue(parser, parser.nextToken());
            if (!(tree instanceof Map<?, ?>)) {
                throw new ManifestException(origin + " is not a dump manifest: it holds no JSON object.");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) tree;
            root = map;
        } catch (JsonProcessingException e) {
            throw new ManifestException(origin + " is not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage() + ". The dump is damaged: dump again or fetch it again.", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Fields(origin, root).manifest();
    }

    public static byte[] write(DumpManifest m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeNumberField("formatVersion", m.formatVersion());
            g.writeStringField("pgtestkitVersion", m.pgtestkitVersion());
            g.writeStringField("serverVersion", m.serverVersion());
            g.writeStringField("sourceDatabase", m.sourceDatabase());
            g.writeStringField("systemIdentifierHash", m.systemIdentifierHash());
            if (m.sourceLocale() != null) {
                DatabaseLocale l = m.sourceLocale();
                g.writeObjectFieldStart("sourceLocale");
                g.writeStringField("encoding", l.encoding());
                g.writeStringField("collate", l.collate());
                g.writeStringField("ctype", l.ctype());
                g.writeStringField("provider", l.provider());
                g.writeStringField("locale", l.locale());
                g.writeEndObject();
            }
            g.writeStringField("snapshotTime", m.snapshotTime().toString());
            g.writeStringField("schemaWriter", m.schemaWriter());
            g.writeStringField("schemaHash", m.schemaHash());
            g.writeStringField("maskingPolicyHash", m.maskingPolicyHash());
            g.writeStringField("contentHash", m.contentHash());
            g.writeArrayFieldStart("schemaFiles");
            for (FileEntry f : m.schemaFiles()) {
                writeFile(g, f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tables");
            for (TableEntry t : m.tables()) {
                writeTable(g, t);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void writeTable(JsonGenerator g, TableEntry t) throws IOException {
        g.writeStartObject();
        g.writeStringField("schema", t.table().schema());
        g.writeStringField("name", t.table().name());
        writeStrings(g, "columns", t.columns());
        writeStrings(g, "orderBy", t.orderBy());
        g.writeStringField("where", t.where());
        g.writeNumberField("rows", t.rows());
        g.writeNumberField("bytes", t.bytes());
        g.writeStringField("sha256", t.sha256());
        g.writeNumberField("rowsLeftOut", t.rowsLeftOut());
        g.writeArrayFieldStart("files");
        for (FileEntry f : t.files()) {
            writeFile(g, f);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void writeFile(JsonGenerator g, FileEntry f) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", f.path());
        g.writeNumberField("rows", f.rows());
        g.writeNumberField("bytes", f.bytes());
        g.writeStringField("sha256", f.sha256());
        g.writeEndObject();
    }

    private static Object readValue(JsonParser p, JsonToken token) throws IOException {
        if (token == null) {
            return null;
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, readValue(p, p.nextToken()));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(readValue(p, t));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            default -> throw new JsonParseFailure(p, "unexpected " + token);
        };
    }

    /** Typed access to the tree, each failure naming the field. */
    private record Fields(String origin, Map<String, Object> map) {

        DumpManifest manifest() {
            long version = number("formatVersion");
            if (version > DumpManifest.FORMAT_VERSION || version < 1) {
                throw new ManifestException(origin + " has dump format version " + version + "; this pgtestkit"
                        + " reads format " + DumpManifest.FORMAT_VERSION + " and older. Upgrade pgtestkit to"
                        + " the version that wrote it (" + map.get("pgtestkitVersion") + ") or later.");
            }
            Instant time;
            try {
                time = Instant.parse(string("snapshotTime"));
            } catch (DateTimeParseException e) {
                throw invalid("snapshotTime", "an ISO-8601 instant");
            }
            List<TableEntry> tables = new ArrayList<>();
            for (Map<String, Object> t : objects("tables")) {
                tables.add(new Fields(origin, t).table());
            }
            return new DumpManifest((int) version, optional("pgtestkitVersion"), optional("serverVersion"),
                    optional("sourceDatabase"), optional("systemIdentifierHash"), time, optional("schemaWriter"),
                    string("schemaHash"), optional("maskingPolicyHash"), string("contentHash"),
                    files("schemaFiles"), tables, locale());
        }

        private DatabaseLocale locale() {
            Object value = map.get("sourceLocale");
            if (value == null) {
                return null;
            }
            if (!(value instanceof Map<?, ?>)) {
                throw invalid("sourceLocale", "an object");
            }
            @SuppressWarnings("unchecked")
            Fields l = new Fields(origin, (Map<String, Object>) value);
            return new DatabaseLocale(l.string("encoding"), l.string("collate"), l.string("ctype"),
                    l.string("provider"), l.optional("locale"));
        }

        TableEntry table() {
            return new TableEntry(QualifiedName.of(string("schema"), string("name")), strings("columns"),
                    strings("orderBy"), optional("where"), number("rows"), number("bytes"), string("sha256"),
                    number("rowsLeftOut"), files("files"));
        }

        private List<FileEntry> files(String field) {
            List<FileEntry> files = new ArrayList<>();
            for (Map<String, Object> f : objects(field)) {
                Fields ff = new Fields(origin, f);
                String path = ff.string("path");
                if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
                    throw invalid("path", "a relative path inside the dump, not " + path);
                }
                files.add(new FileEntry(path, ff.number("rows"), ff.number("bytes"), ff.string("sha256")));
            }
            return files;
        }

        private List<Map<String, Object>> objects(String field) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object o : list(field)) {
                if (!(o instanceof Map<?, ?>)) {
                    throw invalid(field, "a list of objects");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) o;
                out.add(m);
            }
            return out;
        }

        private List<String> strings(String field) {
            List<String> out = new ArrayList<>();
            for (Object o : list(field)) {
                if (!(o instanceof String s)) {
                    throw invalid(field, "a list of strings");
                }
                out.add(s);
            }
            return out;
        }

        private List<?> list(String field) {
            if (!(map.get(field) instanceof List<?> l)) {
                throw invalid(field, "a list");
            }
            return l;
        }

        private long number(String field) {
            if (!(map.get(field) instanceof Long l)) {
                throw invalid(field, "an integer");
            }
            return l;
        }

        private String string(String field) {
            if (!(map.get(field) instanceof String s)) {
                throw invalid(field, "a string");
            }
            return s;
        }

        private String optional(String field) {
            Object value = map.get(field);
            return value == null ? null : string(field);
        }

        private ManifestException invalid(String field, String expected) {
            return new ManifestException(origin + ": field '" + field + "' must be " + expected + " (found "
                    + (map.containsKey(field) ? String.valueOf(map.get(field)) : "nothing") + "). The manifest is"
                    + " damaged: dump again or fetch the dump again.");
        }
    }

    private static final class JsonParseFailure extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        JsonParseFailure(JsonParser p, String message) {
            super(message, p.currentLocation());
        }
    }
}
