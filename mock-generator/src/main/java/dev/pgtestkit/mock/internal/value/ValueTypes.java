package dev.pgtestkit.mock.internal.value;

import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.PgType;
import dev.pgtestkit.core.schema.TypeCategory;
import dev.pgtestkit.mock.internal.value.IntegerType.Width;
import dev.pgtestkit.mock.internal.value.OtherType.Kind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a column's catalog type (domains unwrapped) to the {@link ValueType} that generates it. */
public final class ValueTypes {

    private static final Pattern DIMENSIONS = Pattern.compile("\\((\\d+)\\)");

    private ValueTypes() {
    }

    public static ValueType of(Column column) {
        PgType root = column.type().rootType();
        if (root.category() == TypeCategory.ARRAY && root.elementType() != null) {
            return new ArrayType(root.displayName(), of(root.elementType().rootType(), column));
        }
        return of(root, column);
    }

    private static ValueType of(PgType type, Column column) {
        if (type.category() == TypeCategory.ENUM) {
            return new EnumType(type.enumLabels(), type.displayName());
        }
        String display = type.displayName();
        ValueType builtIn = type.category() == TypeCategory.COMPOSITE ? null : builtIn(type.name(), display, column);
        return builtIn != null ? builtIn : new UnknownType(display);
    }

    private static ValueType builtIn(String name, String display, Column c) {
        ValueType numeric = numeric(name, display, c);
        if (numeric != null) {
            return numeric;
        }
        return switch (name) {
            case "text", "varchar", "bpchar", "name", "citext" ->
                    new TextType(display, c.length(), name.equals("bpchar"));
            case "bool" -> new BoolType(display);
            case "date" -> new DateType(display);
            case "timestamp" -> new TimestampType(false, c.precision(), display);
            case "timestamptz" -> new TimestampType(true, c.precision(), display);
            case "time" -> new TimeType(false, c.precision(), display);
            case "timetz" -> new TimeType(true, c.precision(), display);
            default -> other(name, display, c);
        };
    }

    private static ValueType numeric(String name, String display, Column c) {
        return switch (name) {
            case "int2" -> new IntegerType(Width.SHORT, display);
            case "int4" -> new IntegerType(Width.INT, display);
            case "int8" -> new IntegerType(Width.LONG, display);
            case "numeric" -> new DecimalType(c.precision(), c.scale(), display);
            case "float4" -> new FloatType(true, display);
            case "float8" -> new FloatType(false, display);
            default -> null;
        };
    }

    private static ValueType other(String name, String display, Column c) {
        Kind kind = switch (name) {
            case "uuid" -> Kind.UUID;
            case "json", "jsonb" -> Kind.JSON;
            case "bytea" -> Kind.BYTEA;
            case "inet" -> Kind.INET;
            case "cidr" -> Kind.CIDR;
            case "macaddr" -> Kind.MACADDR;
            case "macaddr8" -> Kind.MACADDR8;
            case "bit" -> Kind.BIT;
            case "varbit" -> Kind.VARBIT;
            case "interval" -> Kind.INTERVAL;
            case "int4range", "int8range" -> Kind.INT_RANGE;
            case "numrange" -> Kind.NUM_RANGE;
            case "daterange" -> Kind.DATE_RANGE;
            case "tsrange" -> Kind.TS_RANGE;
            case "tstzrange" -> Kind.TSTZ_RANGE;
            case "vector" -> Kind.VECTOR;
            case "money" -> Kind.MONEY;
            case "xml" -> Kind.XML;
            case "point" -> Kind.POINT;
            default -> shape(name);
        };
        if (kind == null) {
            return null;
        }
        Integer length = kind == Kind.VECTOR ? dimensions(display) : c.length();
        boolean byName = kind == Kind.OBJECT_NAME || kind == Kind.MULTIRANGE;
        return new OtherType(kind, byName ? name : display, length);
    }

    private static Kind shape(String name) {
        return switch (name) {
            case "box" -> Kind.BOX;
            case "polygon" -> Kind.POLYGON;
            case "path" -> Kind.PATH;
            case "lseg" -> Kind.LSEG;
            case "circle" -> Kind.CIRCLE;
            case "line" -> Kind.LINE;
            case "tsvector" -> Kind.TSVECTOR;
            case "tsquery" -> Kind.TSQUERY;
            case "jsonpath" -> Kind.JSONPATH;
            case "pg_lsn" -> Kind.PG_LSN;
            case "xid", "xid8", "cid" -> Kind.XID;
            case "oid" -> Kind.OID;
            case "txid_snapshot", "pg_snapshot" -> Kind.SNAPSHOT;
            case "regclass", "regtype", "regproc", "regprocedure", "regoper", "regoperator", "regnamespace",
                 "regrole", "regconfig", "regdictionary", "regcollation" -> Kind.OBJECT_NAME;
            case "int4multirange", "int8multirange", "nummultirange", "datemultirange", "tsmultirange",
                 "tstzmultirange" -> Kind.MULTIRANGE;
            default -> null;
        };
    }

    private static Integer dimensions(String display) {
        Matcher m = DIMENSIONS.matcher(display);
        return m.find() ? Integer.valueOf(m.group(1)) : 3;
    }
}
