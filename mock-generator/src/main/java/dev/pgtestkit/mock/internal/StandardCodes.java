package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.value.FakeKind;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Distinct values of code columns that must be unique (a languages or currencies table): the ISO codes first,
 * then the other strings of the same shape, so a unique column keeps the code's form however many rows.
 */
final class StandardCodes {

    private static final List<String> LANGUAGES = codes(List.of(Locale.getISOLanguages()), 2, false);
    private static final List<String> COUNTRIES = codes(List.of(Locale.getISOCountries()), 2, true);
    private static final List<String> CURRENCIES = codes(Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).sorted().toList(), 3, true);

    private StandardCodes() {
    }

    /** The codes of a kind, or {@code null} when it is not a code kind. */
    static List<String> of(FakeKind kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case LANGUAGE_CODE -> LANGUAGES;
            case COUNTRY_CODE -> COUNTRIES;
            case CURRENCY -> CURRENCIES;
            default -> null;
        };
    }

    private static List<String> codes(List<String> standard, int length, boolean upper) {
        Set<String> out = new LinkedHashSet<>();
        standard.stream().filter(s -> s.length() == length)
                .forEach(s -> out.add(upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT)));
        char a = upper ? 'A' : 'a';
        List<String> all = new ArrayList<>();
        combine("", length, a, all);
        out.addAll(all);
        return List.copyOf(out);
    }

    private static void combine(String prefix, int length, char a, List<String> out) {
        if (prefix.length() == length) {
            out.add(prefix);
            return;
        }
        for (int i = 0; i < 26; i++) {
            combine(prefix + (char) (a + i), length, a, out);
        }
    }
}
