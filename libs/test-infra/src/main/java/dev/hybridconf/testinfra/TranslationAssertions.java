package dev.hybridconf.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** Checks that a message bundle says everything in English, French and Spanish. */
public final class TranslationAssertions {

    private TranslationAssertions() {
    }

    /** {@code basename} as on the classpath, e.g. {@code i18n/messages} or {@code ValidationMessages}. */
    public static void assertCompleteInEnglishFrenchAndSpanish(String basename) {
        Properties english = load(basename + ".properties");
        for (String language : new String[] {"fr", "es"}) {
            Properties translated = load(basename + "_" + language + ".properties");
            Set<String> missing = new TreeSet<>(english.stringPropertyNames());
            missing.removeAll(translated.stringPropertyNames());
            Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
            extra.removeAll(english.stringPropertyNames());
            Set<String> blank = new TreeSet<>();
            translated.stringPropertyNames().stream().filter(k -> translated.getProperty(k).isBlank()).forEach(blank::add);
            if (!missing.isEmpty() || !extra.isEmpty() || !blank.isEmpty()) {
                throw new AssertionError(basename + "_" + language + ": missing " + missing + ", not in English "
                        + extra + ", blank " + blank);
            }
        }
    }

    private static Properties load(String resource) {
        try (InputStream in = TranslationAssertions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no bundle on the classpath at " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
