package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.TableKind;
import dev.pgtestkit.mock.internal.value.ArrayType;
import dev.pgtestkit.mock.internal.value.FakeText;
import dev.pgtestkit.mock.internal.value.UnknownType;
import dev.pgtestkit.mock.internal.value.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Types the generator does not know (extension types such as hstore, ltree, cube, seg) are tried on the server
 * before giving up: literals of the forms that suit the type's category ({@link LiteralShape#forCategory}) go
 * through its input function, and the first form whose samples are all accepted generates the column. Offline,
 * nothing is probed. One probe per type and plan.
 */
final class ExtensionTypes {

    private static final int SAMPLES = 8;

    private final DatabaseState db;
    private final FakeText fake;
    private final Map<String, ValueType> resolved = new HashMap<>();

    ExtensionTypes(DatabaseState db, FakeText fake) {
        this.db = db;
        this.fake = fake;
    }

    /** The type itself, or for an unknown type (or an array of one) the probed form the server accepts. */
    ValueType resolve(ValueType type) {
        if (type instanceof UnknownType u) {
            // not computeIfAbsent: a composite's attributes resolve (and cache) their own types first
            ValueType known = resolved.get(u.displayName());
            if (known == null) {
                known = probe(u);
                resolved.put(u.displayName(), known);
            }
            return known;
        }
        if (type instanceof ArrayType a && a.element() instanceof UnknownType u) {
            ValueType element = resolve(u);
            return element == u ? a : new ArrayType(a.displayName(), element);
        }
        return type;
    }

    private ValueType probe(UnknownType type) {
        char category = db.typeCategory(type.displayName());
        if (category == 'C') {
            return composite(type);
        }
        for (LiteralShape shape : category == '\0' ? List.<LiteralShape>of() : LiteralShape.forCategory(category)) {
            if (db.accepts(type.displayName(), samples(shape))) {
                return new ProbedType(type.displayName(), shape);
            }
        }
        return type;
    }

    /** Attributes as the columns of a table named after the type, so name hints and domain checks apply. */
    private ValueType composite(UnknownType type) {
        List<Column> attributes = db.compositeAttributes(type.displayName());
        if (attributes.isEmpty()) {
            return type;
        }
        Table table = new Table(new QualifiedName("", simpleName(type.displayName())),
                TableKind.ORDINARY, null, attributes, null, List.of(), List.of(), List.of(), List.of());
        return new CompositeType(type.displayName(), table, ColumnSpecs.of(table, null, this::resolve));
    }

    private static String simpleName(String display) {
        return display.substring(display.lastIndexOf('.') + 1).replace("\"", "");
    }

    private List<String> samples(LiteralShape shape) {
        Rng rng = new Rng();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            rng.reset(Hash.of(Hash.of(shape.name()), i));
            out.add(shape.generate(rng, fake));
        }
        return out;
    }
}
