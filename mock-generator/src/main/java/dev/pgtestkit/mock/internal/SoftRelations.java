package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.check.Op;
import dev.pgtestkit.mock.internal.value.Hint;
import dev.pgtestkit.mock.internal.value.OrderedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Orderings names imply but no check states: {@code updated_at >= created_at} (and the other "later" columns),
 * {@code period_end >= period_start}. They guide generation only; a check bound on the column takes precedence.
 */
final class SoftRelations {

    private static final List<String> ANCHORS = List.of("created_at", "created_on", "created", "inserted_at",
            "creation_date", "createdAt", "created_date", "registered_at");

    private SoftRelations() {
    }

    @SuppressWarnings("unchecked")
    static List<ColumnRule.Bound>[] of(List<ColumnSpec> columns, Map<String, ColumnSpec> byName) {
        List<ColumnRule.Bound>[] out = new List[columns.size()];
        ColumnSpec anchor = ANCHORS.stream().map(byName::get).filter(c -> c != null && c.type() instanceof OrderedType)
                .findFirst().orElse(null);
        for (ColumnSpec c : columns) {
            if (!(c.type() instanceof OrderedType)) {
                continue;
            }
            ColumnSpec after = null;
            if (anchor != null && !c.name().equals(anchor.name()) && (c.hint().temporal() == Hint.Temporal.AFTER_CREATED
                    || c.hint().temporal() == Hint.Temporal.FUTURE)
                    && anchor.type().getClass() == c.type().getClass()) {
                after = anchor;
            }
            ColumnSpec start = startOf(c.name(), byName);
            if (start != null && start.type().getClass() == c.type().getClass()) {
                after = start;
            }
            Op op = Op.GE;
            ColumnSpec began = eventStart(c.name(), byName);
            if (began != null && !began.name().equals(c.name()) && began.type().getClass() == c.type().getClass()) {
                after = began;
                op = Op.GT;
            }
            if (after != null) {
                out[c.position()] = new ArrayList<>(List.of(new ColumnRule.Bound(after.position(), op, true)));
            }
        }
        return out;
    }

    private static final List<String> END_WORDS = List.of("ended", "terminated", "finished", "completed", "closed",
            "returned", "return", "stopped", "left", "end", "ends", "resolved", "cancelled", "canceled");
    private static final List<String> START_WORDS = List.of("started", "start", "starts", "begun", "opened", "hired",
            "joined", "rental", "rented", "issued", "placed", "opened", "created");

    /**
     * {@code ended_at} / {@code terminated_at} / {@code return_date} / {@code left_on} follow the start event of
     * the same suffix ({@code started_at}, {@code rental_date}, {@code hired_on}), strictly.
     */
    private static ColumnSpec eventStart(String name, Map<String, ColumnSpec> byName) {
        int cut = name.indexOf('_');
        if (cut < 0 || !END_WORDS.contains(name.substring(0, cut))) {
            return null;
        }
        String suffix = name.substring(cut);
        for (String start : START_WORDS) {
            ColumnSpec c = byName.get(start + suffix);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** {@code max_x} follows {@code min_x}, {@code last_x} {@code first_x}; {@code x_end} pairs with {@code x_start}, {@code ends_at} with {@code starts_at}, {@code valid_to} with {@code valid_from}. */
    private static ColumnSpec startOf(String name, Map<String, ColumnSpec> byName) {
        String[][] pairs = {{"_end", "_start"}, {"ends_at", "starts_at"}, {"end_at", "start_at"}, {"_to", "_from"},
            {"end_date", "start_date"}, {"end_time", "start_time"}};
        String[][] prefixes = {{"max_", "min_"}, {"last_", "first_"}, {"maximum_", "minimum_"}};
        for (String[] p : prefixes) {
            if (name.startsWith(p[0])) {
                ColumnSpec low = byName.get(p[1] + name.substring(p[0].length()));
                if (low != null) {
                    return low;
                }
            }
        }
        for (String[] p : pairs) {
            if (name.endsWith(p[0])) {
                ColumnSpec start = byName.get(name.substring(0, name.length() - p[0].length()) + p[1]);
                if (start != null) {
                    return start;
                }
            }
        }
        return null;
    }
}
