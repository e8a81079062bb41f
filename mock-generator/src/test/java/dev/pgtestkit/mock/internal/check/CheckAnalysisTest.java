package dev.pgtestkit.mock.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every check form, as {@code pg_get_constraintdef} prints it, becomes the atoms the generator builds from. */
class CheckAnalysisTest {

    private static List<List<Atom>> dnf(String expression) {
        CheckAnalysis a = CheckAnalysis.of(expression);
        assertThat(a.opaque()).as("opaque: %s", expression).isFalse();
        return a.disjuncts();
    }

    @Test
    void readsComparisonWithNumericCastOnTheLiteral() {
        assertThat(dnf("(price >= (0)::numeric)")).containsExactly(List.of(new Atom.Compare("price", Op.GE, "0")));
    }

    @Test
    void readsNegativeLiteralsPrintedAsQuotedCasts() {
        assertThat(dnf("(delta > '-5'::integer)")).containsExactly(List.of(new Atom.Compare("delta", Op.GT, "-5")));
    }

    @Test
    void flipsLiteralOnTheLeft() {
        assertThat(dnf("(10 < qty)")).containsExactly(List.of(new Atom.Compare("qty", Op.GT, "10")));
    }

    @Test
    void readsInListPrintedAsAnyArrayWithVarcharCasts() {
        String pg = "((status)::text = ANY ((ARRAY['active'::character varying, 'suspended'::character varying,"
                + " 'closed'::character varying])::text[]))";
        assertThat(dnf(pg)).containsExactly(List.of(new Atom.InSet("status", List.of("active", "suspended", "closed"),
                false)));
    }

    @Test
    void readsInListOfBpcharAndPlainInSyntax() {
        assertThat(dnf("(action = ANY (ARRAY['I'::bpchar, 'U'::bpchar]))"))
                .containsExactly(List.of(new Atom.InSet("action", List.of("I", "U"), false)));
        assertThat(dnf("(level IN ('INFO', 'ERROR'))"))
                .containsExactly(List.of(new Atom.InSet("level", List.of("INFO", "ERROR"), false)));
    }

    @Test
    void readsNotInAsAllAndAsNegatedAny() {
        Atom expected = new Atom.InSet("kind", List.of("x", "y"), true);
        assertThat(dnf("(kind <> ALL (ARRAY['x'::text, 'y'::text]))")).containsExactly(List.of(expected));
        assertThat(dnf("(NOT (kind = ANY (ARRAY['x'::text, 'y'::text])))")).containsExactly(List.of(expected));
    }

    @Test
    void readsBetweenAsPrintedAndAsWritten() {
        List<Atom> range = List.of(new Atom.Compare("code", Op.GE, "1"), new Atom.Compare("code", Op.LE, "999"));
        assertThat(dnf("((code >= 1) AND (code <= 999))")).containsExactly(range);
        assertThat(dnf("(code BETWEEN 1 AND 999)")).containsExactly(range);
        assertThat(dnf("(code NOT BETWEEN 1 AND 999)")).containsExactly(
                List.of(new Atom.Compare("code", Op.LT, "1")), List.of(new Atom.Compare("code", Op.GT, "999")));
    }

    @Test
    void readsCharLengthAndLengthBounds() {
        assertThat(dnf("((char_length((name)::text) >= 1) AND (char_length((name)::text) <= 80))")).containsExactly(
                List.of(new Atom.Length("name", Op.GE, 1), new Atom.Length("name", Op.LE, 80)));
        assertThat(dnf("(length(sku) > 3)")).containsExactly(List.of(new Atom.Length("sku", Op.GT, 3)));
    }

    @Test
    void readsColumnComparisons() {
        assertThat(dnf("(parent_id <> id)")).containsExactly(List.of(new Atom.Relation("parent_id", Op.NE, "id")));
        assertThat(dnf("(reserved <= quantity)"))
                .containsExactly(List.of(new Atom.Relation("reserved", Op.LE, "quantity")));
    }

    @Test
    void readsNullTestsAndOrIntoAlternatives() {
        assertThat(dnf("((deleted_at IS NULL) OR (deleted_at >= created_at))")).containsExactly(
                List.of(new Atom.NullTest("deleted_at", true)),
                List.of(new Atom.Relation("deleted_at", Op.GE, "created_at")));
        assertThat(dnf("(email IS NOT NULL)")).containsExactly(List.of(new Atom.NullTest("email", false)));
    }

    @Test
    void distributesAndOverOr() {
        assertThat(dnf("((a > 0) AND ((b IS NULL) OR (b < a)))")).containsExactly(
                List.of(new Atom.Compare("a", Op.GT, "0"), new Atom.NullTest("b", true)),
                List.of(new Atom.Compare("a", Op.GT, "0"), new Atom.Relation("b", Op.LT, "a")));
    }

    @Test
    void pushesNotThroughAndWithDeMorgan() {
        assertThat(dnf("(NOT ((a > 1) AND (b = 2)))")).containsExactly(
                List.of(new Atom.Compare("a", Op.LE, "1")), List.of(new Atom.Compare("b", Op.NE, "2")));
    }

    @Test
    void readsBooleanColumnsAndConstants() {
        assertThat(dnf("active")).containsExactly(List.of(new Atom.Compare("active", Op.EQ, "true")));
        assertThat(dnf("(NOT archived)")).containsExactly(List.of(new Atom.Compare("archived", Op.EQ, "false")));
        assertThat(dnf("false")).isEmpty();
    }

    @Test
    void readsLikeOnDomainValueAndRenamesItToTheColumn() {
        CheckAnalysis a = CheckAnalysis.of("((VALUE)::text ~~ '%_@_%'::text)").forColumn("email");
        assertThat(a.disjuncts()).containsExactly(List.of(new Atom.Like("email", "%_@_%", false)));
    }

    @Test
    void quotedMixedCaseColumnsKeepTheirName() {
        assertThat(dnf("(\"Unit Price\" > (0)::numeric)"))
                .containsExactly(List.of(new Atom.Compare("Unit Price", Op.GT, "0")));
    }

    @Test
    void readsRegexMatchesAndMarksFunctionsAndArithmeticAsOpaque() {
        assertThat(CheckAnalysis.of("((code)::text ~ '^[A-Z]+$'::text)").disjuncts())
                .containsExactly(List.of(new Atom.Regex("code", "^[A-Z]+$", false)));
        assertThat(CheckAnalysis.of("((code)::text !~ '^[A-Z]+$'::text)").opaque()).isTrue();
        assertThat(CheckAnalysis.of("(lower((email)::text) = (email)::text)").opaque()).isTrue();
        assertThat(CheckAnalysis.of("((a + b) <= 100)").opaque()).isTrue();
        assertThat(CheckAnalysis.of("(x IS DISTINCT FROM y)").opaque()).isTrue();
        assertThat(CheckAnalysis.of("(NOT (x ~~ 'a%'::text))").opaque()).isTrue();
    }

    @Test
    void keepsUnderstoodAtomsNextToOpaqueOnes() {
        CheckAnalysis a = CheckAnalysis.of("((qty > 0) AND (lower((code)::text) = (code)::text))");
        assertThat(a.opaque()).isTrue();
        assertThat(a.disjuncts().get(0).get(0)).isEqualTo(new Atom.Compare("qty", Op.GT, "0"));
    }

    @Test
    void replacesValueOutsideLiteralsOnly() {
        assertThat(CheckAnalysis.replaceValue("((VALUE)::text ~~ 'VALUE%'::text)", "\"my col\""))
                .isEqualTo("((\"my col\")::text ~~ 'VALUE%'::text)");
    }

    @Test
    void exactlyOneOfIsAnAlternativePerArm() {
        List<List<Atom>> xor = CheckAnalysis.of("((post_id IS NOT NULL) <> (photo_id IS NOT NULL))").disjuncts();
        assertThat(xor).containsExactlyInAnyOrder(
                List.of(new Atom.NullTest("post_id", false), new Atom.NullTest("photo_id", true)),
                List.of(new Atom.NullTest("post_id", true), new Atom.NullTest("photo_id", false)));
        List<List<Atom>> counted = CheckAnalysis.of("(num_nonnulls(a, b, c) = 1)").disjuncts();
        assertThat(counted).hasSize(3).allSatisfy(alternative -> assertThat(alternative)
                .filteredOn(atom -> atom instanceof Atom.NullTest n && !n.isNull()).hasSize(1));
        assertThat(CheckAnalysis.of("(num_nulls(a, b) <= 1)").disjuncts()).hasSize(3);
        assertThat(CheckAnalysis.of("(num_nonnulls(a, b) = 3)").disjuncts()).isEmpty();
        assertThat(CheckAnalysis.of("(num_nonnulls(a, b, c) = 1)").opaque()).isFalse();
    }
}
