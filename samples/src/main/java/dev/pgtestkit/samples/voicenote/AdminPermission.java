package dev.pgtestkit.samples.voicenote;

import java.util.Locale;

/** The keys of {@code users.admin_permissions} (a JSON object of booleans, plus who granted them and when). */
public enum AdminPermission {
    CAN_VIEW_ALL_USERS, CAN_DELETE_USERS, CAN_VIEW_ALL_NOTES, CAN_DELETE_NOTES, CAN_MANAGE_ADMINS,
    CAN_VIEW_ANALYTICS, CAN_MODIFY_SYSTEM_SETTINGS, CAN_MODERATE_CONTENT, CAN_MANAGE_ROLES, CAN_EXPORT_DATA;

    /** The JSON key, e.g. {@code can_view_all_notes}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
