package dev.pgtestkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameMatcherTest {

    private static final List<String> COLUMNS = List.of("id", "user_id", "full_name", "created_at", "status");

    @Test
    void exactNameWinsOverEveryForgivingRule() {
        List<String> both = List.of("userId", "user_id", "USER_ID");
        assertThat(NameMatcher.match("user_id", both).match()).isEqualTo("user_id");
        assertThat(NameMatcher.match("userId", both).match()).isEqualTo("userId");
        assertThat(NameMatcher.match("USER_ID", both).match()).isEqualTo("USER_ID");
    }

    @Test
    void ignoresCase() {
        assertThat(NameMatcher.match("FULL_NAME", COLUMNS).match()).isEqualTo("full_name");
        assertThat(NameMatcher.match("Status", COLUMNS).match()).isEqualTo("status");
    }

    @Test
    void camelCaseFindsSnakeCaseAndBack() {
        assertThat(NameMatcher.match("userId", COLUMNS).match()).isEqualTo("user_id");
        assertThat(NameMatcher.match("UserID", COLUMNS).match()).isEqualTo("user_id");
        assertThat(NameMatcher.match("createdAt", COLUMNS).match()).isEqualTo("created_at");
        assertThat(NameMatcher.match("created at", COLUMNS).match()).isEqualTo("created_at");
        assertThat(NameMatcher.match("created-at", COLUMNS).match()).isEqualTo("created_at");
        assertThat(NameMatcher.match("item_code", List.of("ItemCode")).match()).isEqualTo("ItemCode");
        assertThat(NameMatcher.match("unit_price", List.of("id", "Unit Price")).match()).isEqualTo("Unit Price");
    }

    @Test
    void singularFindsPluralAndBack() {
        List<String> tables = List.of("users", "category", "statuses", "people", "addresses", "boxes", "houses");
        assertThat(NameMatcher.match("user", tables).match()).isEqualTo("users");
        assertThat(NameMatcher.match("User", tables).match()).isEqualTo("users");
        assertThat(NameMatcher.match("categories", tables).match()).isEqualTo("category");
        assertThat(NameMatcher.match("status", tables).match()).isEqualTo("statuses");
        assertThat(NameMatcher.match("person", tables).match()).isEqualTo("people");
        assertThat(NameMatcher.match("address", tables).match()).isEqualTo("addresses");
        assertThat(NameMatcher.match("box", tables).match()).isEqualTo("boxes");
        assertThat(NameMatcher.match("house", tables).match()).isEqualTo("houses");
        assertThat(NameMatcher.match("userIds", List.of("user_id")).match()).isEqualTo("user_id");
    }

    @Test
    void onlyTheLastWordIsMadeSingular() {
        assertThat(NameMatcher.match("order_items", List.of("orders_item")).found()).isFalse();
        assertThat(NameMatcher.match("orderItem", List.of("order_items")).match()).isEqualTo("order_items");
    }

    @Test
    void quotedNamesAreUnquoted() {
        assertThat(NameMatcher.match("\"LegacyItems\"", List.of("LegacyItems")).match()).isEqualTo("LegacyItems");
        assertThat(NameMatcher.match("\"say \"\"hi\"\"\"", List.of("say \"hi\"")).match()).isEqualTo("say \"hi\"");
    }

    @Test
    void twoNamesEquallyGoodAreAmbiguousNotGuessed() {
        NameMatcher.Result result = NameMatcher.match("User Id", List.of("user_id", "userId"));
        assertThat(result.ambiguous()).isTrue();
        assertThat(result.found()).isFalse();
        assertThat(result.matches()).containsExactly("user_id", "userId");
        assertThatThrownBy(result::match).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEarlierRuleSettlesWhatALaterOneWouldFindAmbiguous() {
        // "users" and "user" both match "Users" singular/plural-wise, but ignoring case only "users" does.
        assertThat(NameMatcher.match("Users", List.of("user", "users")).match()).isEqualTo("users");
    }

    @Test
    void aMissSuggestsNamesCloseInSpellingClosestFirst() {
        NameMatcher.Result result = NameMatcher.match("ful_nme", COLUMNS);
        assertThat(result.found()).isFalse();
        assertThat(result.ambiguous()).isFalse();
        assertThat(result.suggestions()).containsExactly("full_name");
        assertThat(NameMatcher.match("stauts", COLUMNS).suggestions()).containsExactly("status");
        assertThat(NameMatcher.match("usr_id", List.of("user_id", "users", "id", "uid")).suggestions())
                .containsExactly("user_id");
    }

    @Test
    void aMissFarFromEverythingSuggestsNothing() {
        assertThat(NameMatcher.match("shipping_address", COLUMNS).suggestions()).isEmpty();
    }

    @Test
    void normalizesToLowerCaseWordsWithoutSeparators() {
        assertThat(NameMatcher.normalize("userId")).isEqualTo("userid");
        assertThat(NameMatcher.normalize("HTTPStatusCode")).isEqualTo("httpstatuscode");
        assertThat(NameMatcher.normalize("\"Unit Price\"")).isEqualTo("unitprice");
        assertThat(NameMatcher.words("HTTPStatusCode")).containsExactly("http", "status", "code");
        assertThat(NameMatcher.words("user_id2Name")).containsExactly("user", "id2", "name");
    }

    @Test
    void noCandidatesIsAMissWithoutSuggestions() {
        NameMatcher.Result result = NameMatcher.match("id", List.of());
        assertThat(result.found()).isFalse();
        assertThat(result.suggestions()).isEmpty();
    }
}
