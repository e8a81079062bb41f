package dev.pgtestkit.core.rows.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameMatcherTest {

    private static final List<String> COLUMNS = List.of("id", "user_id", "email", "created_at", "Unit Price");

    @Test
    void exactNameWins() {
        assertThat(NameMatcher.matches("email", COLUMNS)).containsExactly("email");
    }

    @Test
    void camelCaseFindsSnakeCase() {
        assertThat(NameMatcher.matches("userId", COLUMNS)).containsExactly("user_id");
        assertThat(NameMatcher.matches("createdAt", COLUMNS)).containsExactly("created_at");
    }

    @Test
    void caseAndSpacesAreForgiven() {
        assertThat(NameMatcher.matches("EMAIL", COLUMNS)).containsExactly("email");
        assertThat(NameMatcher.matches("unitPrice", COLUMNS)).containsExactly("Unit Price");
    }

    @Test
    void singularFindsPluralTable() {
        assertThat(NameMatcher.matches("User", List.of("users", "api_keys"))).containsExactly("users");
        assertThat(NameMatcher.matches("category", List.of("categories"))).containsExactly("categories");
        assertThat(NameMatcher.matches("address", List.of("addresses"))).containsExactly("addresses");
        assertThat(NameMatcher.matches("apiKey", List.of("users", "api_keys"))).containsExactly("api_keys");
    }

    @Test
    void stricterLevelShadowsLooserOnes() {
        assertThat(NameMatcher.matches("ItemID", List.of("ItemID", "itemid"))).containsExactly("ItemID");
    }

    @Test
    void caseInsensitiveMatchIsStricterThanIgnoringSeparators() {
        assertThat(NameMatcher.matches("itemId", List.of("ItemID", "item_id"))).containsExactly("ItemID");
    }

    @Test
    void sameLevelTiesAreReportedAsAmbiguous() {
        assertThat(NameMatcher.matches("ITEMID", List.of("ItemID", "itemid"))).containsExactly("ItemID", "itemid");
    }

    @Test
    void missGivesNothing() {
        assertThat(NameMatcher.matches("userIdd", COLUMNS)).isEmpty();
    }

    @Test
    void suggestsCloseNamesClosestFirst() {
        assertThat(NameMatcher.suggestions("userIdd", COLUMNS)).containsExactly("user_id");
        assertThat(NameMatcher.suggestions("emial", COLUMNS)).containsExactly("email");
        assertThat(NameMatcher.suggestions("user", COLUMNS)).containsExactly("user_id");
    }

    @Test
    void suggestsNothingForUnrelatedNames() {
        assertThat(NameMatcher.suggestions("zebra", COLUMNS)).isEmpty();
    }

    @Test
    void distanceIsLevenshtein() {
        assertThat(NameMatcher.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NameMatcher.distance("", "abc")).isEqualTo(3);
        assertThat(NameMatcher.distance("same", "same")).isZero();
        assertThat(NameMatcher.distance("emial", "email")).isEqualTo(1);
    }
}
