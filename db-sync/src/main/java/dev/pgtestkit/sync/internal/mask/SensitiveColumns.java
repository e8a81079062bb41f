package dev.pgtestkit.sync.internal.mask;

import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.mock.Masker;
import dev.pgtestkit.sync.MaskingPolicy;
import dev.pgtestkit.sync.internal.mask.MaskingPlan.ColumnRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fail closed: the columns of a production dump that look sensitive and have no decision. A column looks sensitive
 * when the mock generator's name hints take it for personal data (email, names, phone, address, user name, ip,
 * tokens, passwords, external ids: {@link Masker#kindOf}), when its name says secret, key, salt, ip... or when its
 * type is inet/cidr/macaddr.
 */
public final class SensitiveColumns {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(passw|pwd|secret|token|salt|api_?key|private_?key|access_?key|credential|ssn|iban|card_?number"
                    + "|birth|^dob$|^ip$|_ip$|^ip_|ip_?addr|email|phone|mobile|address|^key$|_key$).*");
    private static final Set<String> NETWORK_TYPES = Set.of("inet", "cidr", "macaddr", "macaddr8");

    private SensitiveColumns() {
    }

    /** {@code schema.table.column} of each undecided sensitive-looking column of the dumped tables, sorted. */
    public static List<String> undecided(SchemaRegistry registry, Set<QualifiedName> dumped, MaskingPolicy policy,
                                         Set<ColumnRef> masked) {
        Masker judge = Masker.withKey(new byte[16]);
        List<String> found = new ArrayList<>();
        for (Table t : registry.tables()) {
            if (!dumped.contains(t.name())) {
                continue;
            }
            for (Column c : t.columns()) {
                ColumnRef ref = new ColumnRef(t.name(), c.name());
                if (c.isGenerated() || masked.contains(ref) || policy.decision(t.name(), c.name()).isPresent()) {
                    continue;
                }
                if (judge.kindOf(t, c).isPresent() || SECRET_NAME.matcher(c.name()).matches()
                        || NETWORK_TYPES.contains(c.type().rootType().name())) {
                    found.add(ref + " (" + c.type() + ")");
                }
            }
        }
        found.sort(null);
        return found;
    }
}
