package dev.pgtestkit.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the READMEs' quick-start snippets compiling: each {@code tag::name[]} region of {@link QuickStartIT} (without
 * its {@code // hidden} lines, de-indented) must appear as it is inside a {@code ```java} block of the README that
 * shows it. Edit the code, run the test, paste the region it prints.
 */
class ReadmeSnippetsTest {

    private static final Path SOURCE = Path.of("src/test/java/dev/pgtestkit/samples/quickstart/QuickStartIT.java");
    /** Which README shows each region. */
    private static final Map<String, Path> READMES = Map.of(
            "template", Path.of("../README.md"),
            "test-transaction", Path.of("../README.md"),
            "rows", Path.of("../README.md"),
            "mock", Path.of("../README.md"),
            "query-logger", Path.of("../README.md"),
            "db-sync", Path.of("../README.md"),
            "junit", Path.of("../junit-extension/README.md"));
    private static final Pattern TAG = Pattern.compile("//\\s*tag::([\\w-]+)\\[]");

    @Test
    void everyQuickStartRegionIsInItsReadme() throws IOException {
        Map<String, String> regions = regions(Files.readAllLines(SOURCE));

        assertThat(regions).containsOnlyKeys(READMES.keySet());
        for (Map.Entry<String, String> region : regions.entrySet()) {
            Path readme = READMES.get(region.getKey());
            assertThat(String.join("\n", javaBlocks(Files.readString(readme))))
                    .as("%s lacks region '%s' of %s as it is now; paste it into its ```java block:%n%s", readme,
                            region.getKey(), SOURCE, region.getValue())
                    .contains(region.getValue());
        }
    }

    @Test
    void hiddenLinesAndIndentationAreLeftOut() {
        Map<String, String> regions = regions(List.of(
                "    void x() {",
                "        // tag::t[]",
                "        try (A a = open()) {",
                "            use(a); // hidden",
                "            a.run();",
                "        }",
                "        // end::t[]",
                "    }"));
        assertThat(regions).containsExactly(Map.entry("t", "try (A a = open()) {\n    a.run();\n}"));
    }

    static Map<String, String> regions(List<String> lines) {
        Map<String, String> regions = new LinkedHashMap<>();
        String name = null;
        List<String> body = new ArrayList<>();
        for (String line : lines) {
            Matcher tag = TAG.matcher(line);
            if (tag.find()) {
                name = tag.group(1);
                body.clear();
            } else if (name != null && line.contains("// end::" + name + "[]")) {
                regions.put(name, dedent(body));
                name = null;
            } else if (name != null && !line.stripTrailing().endsWith("// hidden")) {
                body.add(line);
            }
        }
        return regions;
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing())
                .toList());
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }
}
