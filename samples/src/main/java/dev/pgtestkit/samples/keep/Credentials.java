package dev.pgtestkit.samples.keep;

/** A user's decrypted tokens, as {@link KeepSyncDatabase#getCredentials} returns them. */
public record Credentials(String userId, String googleOauthToken, String notionApiToken, String notionDatabaseId) {

    @Override
    public String toString() { // never print tokens
        return "Credentials[userId=" + userId + ", notionDatabaseId=" + notionDatabaseId + ", tokens=***]";
    }
}
