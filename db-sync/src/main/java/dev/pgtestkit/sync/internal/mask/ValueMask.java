package dev.pgtestkit.sync.internal.mask;

import dev.pgtestkit.mock.MaskKind;
import dev.pgtestkit.mock.Masker;
import dev.pgtestkit.sync.MaskingPolicy.Transform;
import java.util.UUID;

/**
 * One column's masking, applied to unescaped COPY text values ({@code null} is SQL NULL). Equal value masks give
 * equal outputs for equal inputs, which is what keeps a foreign key on a masked column joined: the referencing column
 * gets the referenced column's mask.
 *
 * @param transform what to do
 * @param constant  the value for CONSTANT
 * @param unique    distinct inputs must give distinct outputs (key columns, referenced columns)
 * @param maxLength varchar/char length limit, or {@code Integer.MAX_VALUE}
 * @param padTo     char(n): pad the output with spaces to n (as the server stores it), else 0
 * @param integer   the column is int2/int4/int8: {@code [min, max]} of its type is in {@code min}/{@code max}
 * @param min       the integer type's minimum
 * @param max       the integer type's maximum
 * @param uuid      the column is a uuid
 */
public record ValueMask(Transform transform, String constant, boolean unique, int maxLength, int padTo,
                        boolean integer, long min, long max, boolean uuid) {

    /** The masked value. */
    public String apply(Masker masker, String value) {
        if (transform == Transform.NULL) {
            return null;
        }
        if (transform == Transform.CONSTANT) {
            return constant;
        }
        if (value == null || transform == Transform.KEEP) {
            return value;
        }
        if (transform == Transform.HASH) {
            if (integer) {
                return Long.toString(masker.maskInteger(Long.parseLong(value), min, max));
            }
            if (uuid) {
                return masker.maskUuid(UUID.fromString(value)).toString();
            }
            return pad(masker.maskUnique(MaskKind.TOKEN, value, maxLength));
        }
        MaskKind kind = kind(transform);
        String masked = unique ? masker.maskUnique(kind, value, maxLength) : masker.mask(kind, value);
        return pad(cut(masked));
    }

    private String cut(String value) {
        if (value.codePointCount(0, value.length()) <= maxLength) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, maxLength)).strip();
    }

    private String pad(String value) {
        if (padTo == 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value);
        for (int n = value.codePointCount(0, value.length()); n < padTo; n++) {
            out.append(' ');
        }
        return out.toString();
    }

    static MaskKind kind(Transform transform) {
        return switch (transform) {
            case EMAIL -> MaskKind.EMAIL;
            case FULL_NAME -> MaskKind.FULL_NAME;
            case FIRST_NAME -> MaskKind.FIRST_NAME;
            case LAST_NAME -> MaskKind.LAST_NAME;
            case USERNAME -> MaskKind.USERNAME;
            case PHONE -> MaskKind.PHONE;
            case ADDRESS -> MaskKind.STREET;
            case CITY -> MaskKind.CITY;
            case STATE -> MaskKind.STATE;
            case ZIP -> MaskKind.ZIP;
            case COUNTRY -> MaskKind.COUNTRY;
            case COMPANY -> MaskKind.COMPANY;
            case URL -> MaskKind.URL;
            case IP_ADDRESS -> MaskKind.IP_ADDRESS;
            case TOKEN -> MaskKind.TOKEN;
            case PASSWORD_HASH -> MaskKind.PASSWORD_HASH;
            case EXTERNAL_ID -> MaskKind.EXTERNAL_ID;
            case TEXT -> MaskKind.TEXT;
            default -> throw new IllegalArgumentException(transform + " is not a fake kind");
        };
    }
}
