package dev.pgtestkit.sync;

import dev.pgtestkit.sync.testing.TestDumps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dump directory in the engine's layout and manifest format, with generated rows: what the transfer moves. The
 * transfer tests need dumps of chosen sizes and differences without a database.
 */
final class FakeDump {

    private FakeDump() {
    }

    /** Writes {@code dir} with one data file per table of {@code rows} rows; {@code variant} changes post-data. */
    static void write(Path dir, Map<String, Integer> rows, int variant) throws IOException {
        Files.createDirectories(dir.resolve("schema"));
        Files.createDirectories(dir.resolve("data"));
        StringBuilder schemaFiles = new StringBuilder();
        schemaFiles.append(file(dir, "schema/pre-data.sql", "CREATE TABLE public.users (id bigint, email text);\n",
                0));
        schemaFiles.append(",").append(file(dir, "schema/post-data.sql", "-- variant " + variant
                + "\nALTER TABLE public.users ADD PRIMARY KEY (id);\n", 0));
        StringBuilder tables = new StringBuilder();
        for (Map.Entry<String, Integer> t : new TreeMap<>(rows).entrySet()) {
            StringBuilder data = new StringBuilder();
            for (int i = 1; i <= t.getValue(); i++) {
                data.append(i).append("\tuser").append(i).append("@example.com\tsome text of row ").append(i)
                        .append('\n');
            }
            String path = "data/" + t.getKey() + ".tsv";
            String[] name = t.getKey().split("\\.", 2);
            if (tables.length() > 0) {
                tables.append(",");
            }
            byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
            tables.append("{\"schema\":\"").append(name[0]).append("\",\"name\":\"").append(name[1])
                    .append("\",\"columns\":[\"id\",\"email\",\"note\"],\"orderBy\":[\"id\"],\"where\":null,")
                    .append("\"rows\":").append(t.getValue()).append(",\"bytes\":").append(bytes.length)
                    .append(",\"sha256\":\"").append(TestDumps.sha256(bytes)).append("\",\"rowsLeftOut\":0,")
                    .append("\"files\":[").append(file(dir, path, data.toString(), t.getValue())).append("]}");
        }
        String manifest = "{\"formatVersion\":1,\"pgtestkitVersion\":\"test\",\"serverVersion\":\"17\","
                + "\"sourceDatabase\":\"app\",\"systemIdentifierHash\":\"0\",\"snapshotTime\":\"2026-01-01T00:00:00Z\","
                + "\"schemaWriter\":\"built-in\",\"schemaHash\":\"0\",\"maskingPolicyHash\":null,\"contentHash\":\""
                + variant + "\",\"schemaFiles\":[" + schemaFiles + "],\"tables\":[" + tables + "]}\n";
        Files.writeString(dir.resolve("manifest.json"), manifest);
    }

    private static String file(Path dir, String path, String content, int rows) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve(path), bytes);
        return "{\"path\":\"" + path + "\",\"rows\":" + rows + ",\"bytes\":" + bytes.length + ",\"sha256\":\""
                + TestDumps.sha256(bytes) + "\"}";
    }
}
