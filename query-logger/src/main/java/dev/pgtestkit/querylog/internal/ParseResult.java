package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.StatementType;
import java.util.List;

/**
 * What JSqlParser made of a statement: its type and tables, or why it could not (then {@code type} and
 * {@code tables} are null and the lexer's answers stand).
 */
record ParseResult(StatementType type, List<String> tables, String failure) {

    static ParseResult parsed(StatementType type, List<String> tables) {
        return new ParseResult(type, List.copyOf(tables), null);
    }

    static ParseResult failed(String why) {
        return new ParseResult(null, null, why);
    }

    boolean succeeded() {
        return failure == null;
    }
}
