-- Usage limits count a user's requests in a rolling 24-hour window: the index serves that count and the
-- error-rate query. Expired blacklist entries are deleted by expiry.
CREATE INDEX ix_usage_logs_created_at ON usage_logs (created_at);
CREATE INDEX ix_token_blacklist_expires_at ON token_blacklist (expires_at);
ALTER TABLE subscriptions
    ADD CONSTRAINT subscriptions_tier_check CHECK (tier IN ('free', 'pro', 'enterprise')),
    ADD CONSTRAINT subscriptions_period_check CHECK (current_period_end > current_period_start);
