package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.Identity;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Sequence;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.mock.internal.KeyInputs.SequenceInput;
import dev.pgtestkit.mock.internal.TableExtras.SequenceUse;
import dev.pgtestkit.mock.internal.value.IntegerType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Columns numbered by a sequence: identity (ALWAYS too: COPY writes them as {@code OVERRIDING SYSTEM VALUE}
 * would), serial, and {@code DEFAULT nextval('...')}. The generator numbers them itself, continuing after the
 * sequence's position and the column's largest value, so children know their parents' keys before anything is
 * written; the sequences are advanced past the generated values afterwards.
 */
final class SequenceColumns {

    private static final Pattern NEXTVAL = Pattern.compile("^nextval\\('((?:[^']|'')+)'(?:::regclass)?\\)$");

    private final List<SequenceInput> inputs = new ArrayList<>();
    private final List<SequenceUse> uses = new ArrayList<>();

    SequenceColumns(Table table, List<ColumnSpec> columns, CompileContext ctx) {
        for (ColumnSpec c : columns) {
            if (c.override() != null || !(c.type() instanceof IntegerType type)) {
                continue;
            }
            String regclass = regclass(c.column());
            if (regclass == null) {
                continue;
            }
            Sequence meta = find(ctx, regclass, table.schema());
            long next = ctx.db().nextValue(regclass, meta, table.name(), c.name());
            long increment = meta == null || meta.increment() == 0 ? 1 : meta.increment();
            long max = meta == null ? type.maxPosition() : Math.min(meta.max(), type.maxPosition());
            long capacity = increment > 0 ? Math.max(0, (max - next) / increment + 1) : Long.MAX_VALUE;
            inputs.add(new SequenceInput(c.position(), next, increment, capacity, type::valueAt));
            uses.add(new SequenceUse(regclass, c.position(), table.name()));
        }
    }

    List<SequenceInput> inputs() {
        return inputs;
    }

    List<SequenceUse> uses() {
        return uses;
    }

    /** The sequence as regclass text, or {@code null} when the column is not sequence-numbered. */
    static String regclass(Column c) {
        if (c.sequence() != null && (c.identity() != Identity.NONE || c.defaultExpr() != null)) {
            return c.sequence().quoted();
        }
        if (c.defaultExpr() != null) {
            Matcher m = NEXTVAL.matcher(c.defaultExpr().trim());
            if (m.matches()) {
                return m.group(1).replace("''", "'");
            }
        }
        return null;
    }

    private static Sequence find(CompileContext ctx, String regclass, String tableSchema) {
        String unquoted = regclass.replace("\"", "");
        int dot = unquoted.lastIndexOf('.');
        QualifiedName name = dot < 0 ? QualifiedName.of(tableSchema, unquoted)
                : QualifiedName.of(unquoted.substring(0, dot), unquoted.substring(dot + 1));
        return ctx.registry().sequences().stream()
                .filter(s -> s.name().equals(name) || (dot < 0 && s.name().name().equals(unquoted)))
                .findFirst().orElse(null);
    }
}
