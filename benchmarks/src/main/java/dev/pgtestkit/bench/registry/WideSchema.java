package dev.pgtestkit.bench.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * Generates a schema of many tables, deterministically (fixed seed): each has an identity primary key, 5-10 more
 * columns of varied types, a CHECK, an index, sometimes a UNIQUE, and 0-2 foreign keys to earlier tables.
 */
public final class WideSchema {

    private static final String[] TYPES = {"integer", "bigint", "varchar(80)", "text", "numeric(10,2)", "boolean",
        "timestamptz", "date", "uuid", "jsonb", "text[]", "smallint"};

    private WideSchema() {
    }

    /** Creates tables t0000..t(n-1) and returns how many foreign keys it declared. */
    public static int create(Connection connection, int tables) throws SQLException {
        Random random = new Random(42);
        int foreignKeys = 0;
        StringBuilder batch = new StringBuilder();
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < tables; i++) {
                int references = i == 0 ? 0 : random.nextInt(Math.min(i, 2) + 1);
                batch.append(table(i, references, random));
                foreignKeys += references;
                if (i % 100 == 99 || i == tables - 1) {
                    statement.execute(batch.toString());
                    batch.setLength(0);
                }
            }
        }
        return foreignKeys;
    }

    private static String table(int index, int references, Random random) {
        String name = name(index);
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(name)
                .append(" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, amount integer NOT NULL DEFAULT 0"
                        + " CHECK (amount >= 0)");
        int columns = 4 + random.nextInt(6);
        for (int c = 0; c < columns; c++) {
            ddl.append(", c").append(c).append(' ').append(TYPES[random.nextInt(TYPES.length)])
                    .append(random.nextInt(3) == 0 ? " NOT NULL" : "");
        }
        for (int r = 0; r < references; r++) {
            ddl.append(", ref").append(r).append("_id bigint REFERENCES ").append(name(random.nextInt(index)));
        }
        if (random.nextInt(4) == 0) {
            ddl.append(", code varchar(20) UNIQUE");
        }
        return ddl.append(");\nCREATE INDEX ").append(name).append("_c0_idx ON ").append(name).append(" (c0);\n")
                .toString();
    }

    static String name(int index) {
        return "t%04d".formatted(index);
    }
}
