package org.jiaxing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Chinese and English bundles carry the same keys, and templates only use keys that exist. */
class MessageBundlesInSyncTests {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        for (Path chinese : bundles()) {
            Path english = chinese.resolveSibling(chinese.getFileName().toString().replace(".properties", "_en.properties"));
            assertThat(english).as("English bundle for %s", chinese).exists();
            assertThat(keys(english)).as("keys of %s vs %s", english, chinese).isEqualTo(keys(chinese));
            assertThat(load(english).values()).as("empty values in %s", english).doesNotContain("");
        }
    }

    @Test
    void templatesUseOnlyKnownMessageKeys() throws IOException {
        Set<String> known = new TreeSet<>();
        for (Path bundle : bundles()) {
            known.addAll(keys(bundle));
        }
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path template : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = literalKey.matcher(Files.readString(template));
                while (matcher.find()) {
                    assertThat(known).as("message key used in %s", template).contains(matcher.group(1));
                }
            }
        }
    }

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            return files.filter(p -> p.toString().endsWith(".properties") && !p.toString().endsWith("_en.properties"))
                    .sorted().toList();
        }
    }

    private static Set<String> keys(Path bundle) throws IOException {
        return new TreeSet<>(load(bundle).stringPropertyNames());
    }

    private static Properties load(Path bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
