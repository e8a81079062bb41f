package dev.pgtestkit.sync.internal.schema;

/**
 * The GRANT and REVOKE statements that give an object the privileges it has beyond the defaults, as one SQL
 * expression of type {@code text[]} evaluated in the catalog query (so grants cost no query of their own).
 * Privileges of the owner are not written (owners are not written); the roles granted to must exist where the
 * scripts run.
 */
final class Grants {

    private Grants() {
    }

    /**
     * @param acl the ACL column ({@code c.relacl}); NULL means the defaults, for which nothing is written
     * @param owner the owner column
     * @param kind the {@code acldefault} kind: {@code r} table, {@code s} sequence, {@code f} routine,
     *     {@code T} type, {@code n} schema
     * @param target SQL text expression naming the object after {@code ON}: {@code 'TABLE ' || ...}
     */
    static String expression(boolean enabled, String acl, String owner, char kind, String target) {
        if (!enabled) {
            return "NULL::text[]";
        }
        String defaults = "aclexplode(acldefault('" + kind + "', " + owner + "))";
        return """
                ARRAY(SELECT g FROM (
                    SELECT 'REVOKE ' || string_agg(d.privilege_type, ', ' ORDER BY d.privilege_type) || ' ON '
                           || %4$s || ' FROM PUBLIC' AS g
                    FROM %3$s d
                    WHERE %1$s IS NOT NULL AND d.grantee = 0 AND NOT EXISTS (
                        SELECT 1 FROM aclexplode(%1$s) a WHERE a.grantee = 0 AND a.privilege_type = d.privilege_type)
                    HAVING count(*) > 0
                    UNION ALL
                    SELECT 'GRANT ' || string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type) || ' ON '
                           || %4$s || ' TO ' || CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END
                           || CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END
                    FROM aclexplode(%1$s) a
                    LEFT JOIN pg_roles r ON r.oid = a.grantee
                    WHERE a.grantee <> %2$s AND NOT (a.grantee = 0 AND EXISTS (
                        SELECT 1 FROM %3$s d WHERE d.grantee = 0 AND d.privilege_type = a.privilege_type))
                    GROUP BY a.grantee, r.rolname, a.is_grantable) AS grants
                ORDER BY g)""".formatted(acl, owner, defaults, target);
    }

    /** Appends the statements of a {@link #expression} column to an item. */
    static void append(SchemaItem item, String[] statements) {
        for (String statement : statements) {
            item.statement(statement);
        }
    }
}
