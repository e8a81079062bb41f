package dev.pgtestkit.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void quotesAndDoublesEmbeddedQuotes() {
        assertThat(Identifiers.quote("users")).isEqualTo("\"users\"");
        assertThat(Identifiers.quote("my\"Table")).isEqualTo("\"my\"\"Table\"");
        assertThat(SqlLexer.tokenize(Identifiers.quote("a\"; DROP TABLE x; --"), false)).singleElement()
                .extracting(Token::kind).isEqualTo(Token.Kind.QUOTED_IDENT);
    }

    @Test
    void refusesWhatCannotBeAnIdentifier() {
        assertThatThrownBy(() -> Identifiers.quote("")).hasMessage("identifier must not be empty");
        assertThatThrownBy(() -> Identifiers.quote("a\0b")).hasMessage("identifier contains a NUL character");
    }
}
