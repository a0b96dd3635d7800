package dev.hybridconf.registration.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The subjects and bodies of every {@link Notice} in English, French and Spanish, from the UTF-8
 * bundles {@code notifications/notifications[_fr|_es].properties}. Placeholders are named,
 * {@code {name}}, {@code {conference}}, {@code {link}}, and replaced in one pass, so a value is never
 * read as a template and apostrophes need no escaping. A placeholder without a value is an error,
 * never text sent to a participant.
 */
@Component
class NotificationTemplates {

    static final String BASENAME = "notifications/notifications";
    static final List<String> LANGUAGES = List.of("en", "fr", "es");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Map<String, Properties> bundles;

    NotificationTemplates() {
        this.bundles = Map.of("en", load(BASENAME + ".properties"), "fr", load(BASENAME + "_fr.properties"),
                "es", load(BASENAME + "_es.properties"));
    }

    /** The language a message is written in: the preferred one if supported, English otherwise. */
    static String supported(String preferred) {
        String language = preferred == null ? "" : preferred.trim().toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(language) ? language : "en";
    }

    Rendered render(Notice notice, String language, Map<String, String> values) {
        Properties bundle = bundles.get(supported(language));
        return new Rendered(fill(bundle, notice.subjectKey(), values), fill(bundle, notice.bodyKey(), values));
    }

    private static String fill(Properties bundle, String key, Map<String, String> values) {
        String template = bundle.getProperty(key);
        if (template == null) {
            throw new IllegalStateException("no notification template " + key);
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 128);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + matcher.group(1) + "} in " + key);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Properties load(String resource) {
        try (InputStream in = NotificationTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no notification bundle at " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Rendered(String subject, String body) {
    }
}
