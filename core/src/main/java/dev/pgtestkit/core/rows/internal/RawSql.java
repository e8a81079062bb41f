package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.sql.Identifiers;
import java.lang.reflect.Array;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/** Raw SQL passthrough and the few catalog statements the row API runs directly. */
public final class RawSql {

    private static final Pattern DDL = Pattern.compile("(?is)^\\s*(create|alter|drop|comment)\\b.*");

    private RawSql() {
    }

    public static List<Map<String, Object>> query(Handle handle, String sql, Object... params) {
        return Session.rawQuery(handle, sql, bindable(params));
    }

    public static int execute(Handle handle, String sql, Object... params) {
        return Session.rawUpdate(handle, sql, bindable(params));
    }

    /** Whether {@code sql} changes the schema, so the registry must be read again. */
    public static boolean isDdl(String sql) {
        return DDL.matcher(sql).matches();
    }

    public static boolean schemaExists(Handle handle, String schema) {
        return (Boolean) query(handle, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?)"
                + " AS found", schema).get(0).get("found");
    }

    /** {@code CREATE SCHEMA IF NOT EXISTS}; true when it did not exist before. */
    public static boolean createSchema(Handle handle, String schema) {
        if (schemaExists(handle, schema)) {
            return false;
        }
        execute(handle, "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
        return true;
    }

    private static List<Object> bindable(Object[] params) {
        List<Object> values = new ArrayList<>(params.length);
        for (Object param : params) {
            values.add(bindable(param));
        }
        return values;
    }

    /** JDBC-friendly forms: Instant as OffsetDateTime, enum by name, Map as JSON text, List as a typed array. */
    private static Object bindable(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Map<?, ?> map) {
            return Json.write(map);
        }
        if (value instanceof Collection<?> collection) {
            return typedArray(collection);
        }
        return value;
    }

    private static Object[] typedArray(Collection<?> collection) {
        Class<?> type = collection.stream().filter(v -> v != null).findFirst().<Class<?>>map(Object::getClass)
                .orElse(String.class);
        if (type.isEnum()) {
            return collection.stream().map(v -> v == null ? null : ((Enum<?>) v).name()).toArray(String[]::new);
        }
        Object[] array = (Object[]) Array.newInstance(type, collection.size());
        return collection.toArray(array);
    }
}
