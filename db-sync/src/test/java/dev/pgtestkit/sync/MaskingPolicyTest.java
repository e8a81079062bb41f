package dev.pgtestkit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.sync.MaskingPolicy.Decision;
import dev.pgtestkit.sync.MaskingPolicy.Transform;
import org.junit.jupiter.api.Test;

class MaskingPolicyTest {

    @Test
    void readsYamlAndJsonToTheSameDecisions() {
        MaskingPolicy yaml = MaskingPolicy.parse("""
                # comment
                columns:
                  public.users.email: email
                  public.users.full_name: name
                  public.users.notes: null
                  public.users.country: {constant: NL}
                  Public."Order".Id: hash
                  public.users.created_at: keep
                """, "policy.yaml");
        MaskingPolicy json = MaskingPolicy.parse("""
                {"columns": {"public.users.created_at": "keep", "public.\\"Order\\".id": "HASH",
                 "public.users.country": {"constant": "NL"}, "public.users.notes": null,
                 "public.users.full_name": "full-name", "public.users.email": "email"}}
                """, "policy.json");
        assertThat(yaml.decisions()).isEqualTo(json.decisions());
        assertThat(yaml.sha256()).isEqualTo(json.sha256());
        assertThat(yaml.decision(QualifiedName.of("public", "Order"), "id")).contains(new Decision(Transform.HASH,
                null));
        assertThat(yaml.decision(QualifiedName.of("public", "users"), "country"))
                .contains(new Decision(Transform.CONSTANT, "NL"));
        assertThat(yaml.decision(QualifiedName.of("public", "users"), "notes"))
                .contains(new Decision(Transform.NULL, null));
        assertThat(yaml.needsKey()).isTrue();
        assertThat(MaskingPolicy.builder().column("public.users.x", Transform.KEEP).build().needsKey()).isFalse();
    }

    @Test
    void badInputNamesTheLineAndTheFix() {
        assertThatThrownBy(() -> MaskingPolicy.parse("columns:\n  public.users.email: emial\n", "p.yaml"))
                .isInstanceOf(MaskingException.class).hasMessageContaining("p.yaml line 2")
                .hasMessageContaining("unknown transform 'emial'").hasMessageContaining("email, full_name");
        assertThatThrownBy(() -> MaskingPolicy.parse("columns:\n  users.email: email\n", "p.yaml"))
                .isInstanceOf(MaskingException.class).hasMessageContaining("schema.table.column");
        assertThatThrownBy(() -> MaskingPolicy.parse("colums: {}\n", "p.yaml"))
                .isInstanceOf(MaskingException.class).hasMessageContaining("unknown key 'colums'");
        assertThatThrownBy(() -> MaskingPolicy.parse("columns: [\n", "p.yaml"))
                .isInstanceOf(MaskingException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void theKeyIsNeverShown() {
        MaskingKey key = MaskingKey.of("0123456789abcdef-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(key.toString()).doesNotContain("-secret").doesNotContain("0123456789");
        assertThatThrownBy(() -> MaskingKey.of(new byte[8])).isInstanceOf(MaskingException.class)
                .hasMessageContaining("at least 16");
    }
}
