package dev.pgtestkit.samples.voicenote;

/** The {@code user_role} enum type ({@code ADMIN} added by the admin role migration). */
public enum UserRole {
    STUDENT, TEACHER, DEVELOPER, OFFICE_WORKER, BUSINESS_MAN, PSYCHIATRIST, PSYCHOLOGIST, GENERIC, ADMIN
}
