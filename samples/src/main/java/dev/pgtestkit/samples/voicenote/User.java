package dev.pgtestkit.samples.voicenote;

import java.util.Set;

/** A row of {@code users}, as the app reads it (settings columns left out). */
public record User(String id, String name, String email, UserRole primaryRole, boolean admin,
        Set<AdminPermission> permissions, boolean deleted) {

    /** Whether this user is a live admin holding {@code permission}. */
    public boolean may(AdminPermission permission) {
        return admin && !deleted && permissions.contains(permission);
    }
}
