package dev.pgtestkit.mock;

/**
 * How children pick their parent rows for a foreign key that is not constrained to be unique.
 * {@link #uniform()} by default.
 */
public sealed interface ParentDistribution {

    /** Every parent equally likely. */
    static ParentDistribution uniform() {
        return Uniform.INSTANCE;
    }

    /**
     * Zipf-skewed: the k-th most popular parent (popularity spread over the table, not by key order) gets a
     * share proportional to 1/k^exponent. Exponent 1.0 is classic Zipf; must be positive.
     */
    static ParentDistribution zipf(double exponent) {
        if (!(exponent > 0)) {
            throw new IllegalArgumentException("Zipf exponent must be positive, got " + exponent);
        }
        return new Zipf(exponent);
    }

    enum Uniform implements ParentDistribution {
        INSTANCE
    }

    record Zipf(double exponent) implements ParentDistribution {
    }
}
