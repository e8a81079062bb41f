package dev.pgtestkit.sync;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.sync.internal.Sha256;
import dev.pgtestkit.sync.internal.mask.PolicyReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a dump does with each column's values: {@code schema.table.column → transform}. Immutable. Read from YAML
 * or JSON ({@link #read(Path)}):
 *
 * <pre>
 * columns:
 *   public.users.email: email          # a realistic fake, the same for the same input (keyed hash)
 *   public.users.full_name: full_name
 *   public.users.phone: phone
 *   public.users.street: address
 *   public.api_tokens.token: hash      # keyed hash (hex; uuid and integer columns keep their type)
 *   public.users.notes: null           # NULL
 *   public.users.country: {constant: NL}
 *   public.users.created_at: keep      # decided: not sensitive
 * </pre>
 *
 * <p>Columns the policy does not name are kept as they are (but see fail-closed in
 * {@link DumpOptions.Builder#production(boolean)}). A foreign key referencing a masked column is masked the same way
 * by the dumper, so joins still match. Names with dots or upper case are written quoted: {@code "Sales"."Order".id}.
 */
public final class MaskingPolicy {

    private static final MaskingPolicy NONE = new MaskingPolicy(Map.of());

    private final Map<String, Decision> decisions;

    private MaskingPolicy(Map<String, Decision> decisions) {
        this.decisions = Map.copyOf(decisions);
    }

    /** The empty policy: every column is kept. */
    public static MaskingPolicy none() {
        return NONE;
    }

    /**
     * Reads a policy file, YAML or JSON (JSON is read as YAML, whose flow style it is).
     *
     * @throws MaskingException naming the file, line and key of anything it cannot read
     */
    public static MaskingPolicy read(Path file) {
        return new MaskingPolicy(PolicyReader.read(file));
    }

    /** Parses policy text; {@code origin} names it in error messages. */
    public static MaskingPolicy parse(String text, String origin) {
        return new MaskingPolicy(PolicyReader.parse(text, origin));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The decisions, keyed by {@code schema.table.column} (quoted where needed), sorted. */
    public Map<String, Decision> decisions() {
        return new TreeMap<>(decisions);
    }

    /** The decision for a column, if the policy names it. */
    public Optional<Decision> decision(QualifiedName table, String column) {
        return Optional.ofNullable(decisions.get(key(table, column)));
    }

    public boolean isEmpty() {
        return decisions.isEmpty();
    }

    /** Whether applying it needs a {@link MaskingKey} (any transform other than keep, null and constant). */
    public boolean needsKey() {
        return decisions.values().stream().anyMatch(d -> d.transform().isKeyed());
    }

    /** SHA-256 (hex) of the decisions, independent of the file's layout and comments. */
    public String sha256() {
        StringBuilder text = new StringBuilder();
        decisions().forEach((column, decision) -> text.append(column).append('=').append(decision).append('\n'));
        return Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "MaskingPolicy" + decisions();
    }

    /** The key of a column in {@link #decisions()}: {@code schema.table.column}, each part quoted when needed. */
    public static String key(QualifiedName table, String column) {
        return part(table.schema()) + "." + part(table.name()) + "." + part(column);
    }

    private static String part(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_$]*") ? identifier : '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** What happens to a column's values. */
    public enum Transform {
        EMAIL, FULL_NAME, FIRST_NAME, LAST_NAME, USERNAME, PHONE,
        /** A street address. */
        ADDRESS, CITY, STATE, ZIP, COUNTRY, COMPANY, URL, IP_ADDRESS, TOKEN, PASSWORD_HASH, EXTERNAL_ID,
        /** A fake sentence. */
        TEXT,
        /** A keyed hash: hex for text, a keyed bijection for integers, a derived UUID for uuid. Unique stays unique. */
        HASH,
        /** NULL (the column must allow it). */
        NULL,
        /** One value for every row ({@link Decision#constant()}). */
        CONSTANT,
        /** The original value: the column was judged and is not sensitive. */
        KEEP;

        /** The name in policy files: lower case ({@code full_name}). */
        public String policyName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether it needs the masking key. */
        public boolean isKeyed() {
            return this != NULL && this != CONSTANT && this != KEEP;
        }
    }

    /**
     * One column's decision.
     *
     * @param transform what to do
     * @param constant  the value for {@link Transform#CONSTANT} (text as COPY would read it), else {@code null}
     */
    public record Decision(Transform transform, String constant) {

        public Decision {
            Objects.requireNonNull(transform, "transform");
            if ((transform == Transform.CONSTANT) != (constant != null)) {
                throw new IllegalArgumentException("a constant value is given for, and only for, CONSTANT");
            }
        }

        @Override
        public String toString() {
            return transform == Transform.CONSTANT ? "constant:" + constant : transform.policyName();
        }
    }

    /** Builds a policy in code. */
    public static final class Builder {

        private final Map<String, Decision> decisions = new TreeMap<>();

        private Builder() {
        }

        /** Masks {@code schema.table.column} with {@code transform} (not {@link Transform#CONSTANT}). */
        public Builder column(String column, Transform transform) {
            return put(column, new Decision(transform, null));
        }

        /** Replaces every value of {@code schema.table.column} with {@code value}. */
        public Builder constant(String column, String value) {
            return put(column, new Decision(Transform.CONSTANT, Objects.requireNonNull(value, "value")));
        }

        private Builder put(String column, Decision decision) {
            decisions.put(PolicyReader.normalizeColumn(column, "builder"), decision);
            return this;
        }

        public MaskingPolicy build() {
            return new MaskingPolicy(decisions);
        }
    }
}
