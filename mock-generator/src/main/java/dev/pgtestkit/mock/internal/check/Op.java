package dev.pgtestkit.mock.internal.check;

/** A comparison operator of an atom. */
public enum Op {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    /** The operator for a symbol as Postgres prints it, or {@code null}. */
    static Op of(String symbol) {
        for (Op op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        return "!=".equals(symbol) ? NE : null;
    }

    /** {@code NOT (a op b)} is {@code a op.negate() b} (also in three-valued logic). */
    public Op negate() {
        return switch (this) {
            case EQ -> NE;
            case NE -> EQ;
            case LT -> GE;
            case LE -> GT;
            case GT -> LE;
            case GE -> LT;
        };
    }

    /** {@code a op b} is {@code b op.flip() a}. */
    public Op flip() {
        return switch (this) {
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            default -> this;
        };
    }

    /** Whether {@code compareTo}'s result {@code c} satisfies this operator. */
    public boolean test(int c) {
        return switch (this) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
    }

    public String symbol() {
        return symbol;
    }
}
