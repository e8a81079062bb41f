package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.core.sql.Token;
import dev.pgtestkit.core.sql.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Drops a schema qualifier the server would resolve to anyway: {@code public.users} is {@code users} when the
 * unqualified name {@code users} resolves to the table {@code public.users} (the search path finds no other first),
 * so both spellings get one normal form, as {@code pg_stat_statements} gives them one query id. Only a catalog can
 * tell ({@code schemaOf}: the schema an unqualified table name resolves to, or null when unknown); a name it does
 * not know keeps its qualifier.
 */
final class SchemaQualification {

    private static final List<String> TABLE_WORDS = List.of("FROM", "JOIN", "INTO", "UPDATE", "TABLE", "ONLY",
            "USING");

    private SchemaQualification() {
    }

    /** {@code tokens} without the qualifiers {@code schemaOf} shows to be redundant; the same list when none is. */
    static List<Token> unqualified(List<Token> tokens, Function<String, String> schemaOf) {
        List<Token> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            if (redundantQualifier(tokens, i, schemaOf)) {
                out = out != null ? out : new ArrayList<>(tokens.subList(0, i));
                i++; // the dot; the name itself is copied next round
                continue;
            }
            if (out != null) {
                out.add(tokens.get(i));
            }
        }
        return out != null ? out : tokens;
    }

    /**
     * Whether tokens {@code i, i+1, i+2} are {@code schema . name} in a table position ({@code FROM}, {@code JOIN},
     * {@code INTO}, {@code UPDATE}, {@code TABLE}, {@code ONLY}, {@code USING}) with {@code name} resolving to that
     * schema. Only there: {@code u.id} elsewhere is a column of an alias, and asking the catalog about every such
     * pair would load it for nothing.
     */
    private static boolean redundantQualifier(List<Token> tokens, int i, Function<String, String> schemaOf) {
        if (i == 0 || i + 2 >= tokens.size() || !tokens.get(i + 1).isPunct(".") || !isTablePosition(tokens.get(i - 1))
                || (i + 3 < tokens.size() && tokens.get(i + 3).isPunct("."))) {
            return false;
        }
        String schema = identifier(tokens.get(i));
        String name = identifier(tokens.get(i + 2));
        if (schema == null || name == null) {
            return false;
        }
        String resolved;
        try {
            resolved = schemaOf.apply(name);
        } catch (RuntimeException e) {
            return false; // unknown: keep the qualifier
        }
        return schema.equals(resolved);
    }

    private static boolean isTablePosition(Token previous) {
        for (String word : TABLE_WORDS) {
            if (previous.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    /** The identifier as the server reads it (unquoted words fold to lower case), or null for other tokens. */
    private static String identifier(Token token) {
        if (token.kind() == Kind.WORD) {
            return token.text().toLowerCase(Locale.ROOT);
        }
        if (token.kind() == Kind.QUOTED_IDENT && token.text().length() >= 2) {
            return token.text().substring(1, token.text().length() - 1).replace("\"\"", "\"");
        }
        return null;
    }
}
