package dev.pgtestkit.samples.translator;

import java.util.Locale;

/** Subscription tiers and their request limits per rolling 24 hours. */
public enum Tier {
    FREE(100), PRO(10_000), ENTERPRISE(Integer.MAX_VALUE);

    private final int dailyRequests;

    Tier(int dailyRequests) {
        this.dailyRequests = dailyRequests;
    }

    /** Requests allowed in any 24-hour window. */
    public int dailyRequests() {
        return dailyRequests;
    }

    /** The value stored in {@code subscriptions.tier} and {@code users.subscription_tier}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Tier of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
