package dev.pgtestkit.samples.translator;

/** A key just created: the only time its plaintext exists outside the client. */
public record NewApiKey(ApiKey key, String plaintext) {

    @Override
    public String toString() {
        return "NewApiKey[" + key + ", plaintext=***]";
    }
}
