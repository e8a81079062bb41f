package dev.pgtestkit.core.internal;

/** What a SQLState says about the session, for the error translations of the schema registry and the row API. */
public final class SqlStates {

    private SqlStates() {
    }

    /**
     * Whether the session or its database is gone or out of reach rather than the statement wrong: no answer from
     * the server ({@code null}), a connection exception (08), authentication (28), insufficient resources (53), the
     * server ending the session (57P0x), or a database that does not exist (3D000, such as a dropped clone).
     */
    public static boolean isConnectionFailure(String sqlState) {
        return sqlState == null || sqlState.startsWith("08") || sqlState.startsWith("28") || sqlState.startsWith("53")
                || sqlState.startsWith("57P0") || sqlState.equals("3D000");
    }
}
