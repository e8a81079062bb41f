package dev.pgtestkit.mock.internal;

import com.github.curiousoddman.rgxgen.RgxGen;
import com.github.curiousoddman.rgxgen.config.RgxGenOption;
import com.github.curiousoddman.rgxgen.config.RgxGenProperties;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Strings generated from a check's POSIX regular expression by rgxgen (Datafaker's own dependency), after
 * rewriting the POSIX bracket classes Java lacks. Unbounded repetitions are kept short (at most 12). When Java
 * can compile the pattern, values it rejects are dropped; the server verifies the check anyway.
 */
final class RegexText {

    private static final Map<String, RegexText> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, String> POSIX_CLASSES = Map.of("[:alpha:]", "a-zA-Z", "[:digit:]", "0-9",
            "[:alnum:]", "a-zA-Z0-9", "[:upper:]", "A-Z", "[:lower:]", "a-z", "[:space:]", " ", "[:xdigit:]",
            "0-9a-fA-F", "[:punct:]", "!#%&*+,.:;?@_-", "[:word:]", "a-zA-Z0-9_");
    private static final int TRIES = 20;

    private final RgxGen generator;
    private final Pattern check;
    private final BigInteger distinct;

    private RegexText(RgxGen generator, Pattern check, BigInteger distinct) {
        this.generator = generator;
        this.check = check;
        this.distinct = distinct;
    }

    /** The generator of {@code pattern}, or {@code null} when rgxgen cannot read it. */
    static RegexText of(String pattern, boolean caseInsensitive) {
        String key = (caseInsensitive ? "i:" : "c:") + pattern;
        RegexText cached = CACHE.get(key);
        if (cached == null) {
            cached = parse(pattern, caseInsensitive);
            if (cached == null) {
                return null;
            }
            CACHE.putIfAbsent(key, cached);
        }
        return cached;
    }

    private static RegexText parse(String pattern, boolean caseInsensitive) {
        String java = pattern;
        for (Map.Entry<String, String> e : POSIX_CLASSES.entrySet()) {
            java = java.replace(e.getKey(), e.getValue());
        }
        try {
            RgxGenProperties properties = new RgxGenProperties();
            RgxGenOption.INFINITE_PATTERN_REPETITION.setInProperties(properties, 12);
            RgxGen generator = RgxGen.parse(properties, java);
            Pattern check = compile(java, caseInsensitive);
            return new RegexText(generator, check, generator.getUniqueEstimation().orElse(null));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Pattern compile(String pattern, boolean caseInsensitive) {
        try {
            return Pattern.compile(pattern, caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /** A matching string of {@code min..max} characters, or {@code null} when none came up. */
    String generate(Rng rng, int min, int max) {
        for (int t = 0; t < TRIES; t++) {
            String s = generator.generate(rng);
            if (s.length() >= min && s.length() <= max && (check == null || check.matcher(s).find())) {
                return s;
            }
        }
        return null;
    }

    /** Up to {@code needed} distinct matching strings, drawn from a generator seeded with {@code key}. */
    List<String> distinctValues(long needed, int min, int max, long key) {
        long target = distinct == null ? needed : Math.min(needed, distinct.min(BigInteger.valueOf(needed)).longValue());
        Set<String> values = new LinkedHashSet<>();
        Rng rng = new Rng();
        rng.reset(key);
        long misses = 0;
        while (values.size() < target && misses < 1000 + target * 4) {
            String s = generate(rng, min, max);
            if (s == null || !values.add(s)) {
                misses++;
            }
        }
        return new ArrayList<>(values);
    }
}
