package dev.pgtestkit.mock;

import dev.pgtestkit.mock.internal.value.FakeKind;

/** What a masked value should look like; the same generators as mock data use. */
public enum MaskKind {
    EMAIL(FakeKind.EMAIL),
    FIRST_NAME(FakeKind.FIRST_NAME),
    LAST_NAME(FakeKind.LAST_NAME),
    FULL_NAME(FakeKind.FULL_NAME),
    USERNAME(FakeKind.USERNAME),
    PHONE(FakeKind.PHONE),
    STREET(FakeKind.STREET),
    CITY(FakeKind.CITY),
    STATE(FakeKind.STATE),
    ZIP(FakeKind.ZIP),
    COUNTRY(FakeKind.COUNTRY),
    COMPANY(FakeKind.COMPANY),
    URL(FakeKind.URL),
    IP_ADDRESS(FakeKind.IP_ADDRESS),
    TOKEN(FakeKind.TOKEN),
    PASSWORD_HASH(FakeKind.PASSWORD_HASH),
    EXTERNAL_ID(FakeKind.EXTERNAL_ID),
    /** Free text (a sentence). */
    TEXT(FakeKind.SENTENCE);

    private final FakeKind fake;

    MaskKind(FakeKind fake) {
        this.fake = fake;
    }

    FakeKind fake() {
        return fake;
    }

    /** The mask kind for a generator text kind, or {@code null} when that kind is not personal data. */
    static MaskKind of(FakeKind kind) {
        for (MaskKind m : values()) {
            if (m.fake == kind && m != TEXT) {
                return m;
            }
        }
        return null;
    }
}
