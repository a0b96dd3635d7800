package dev.hybridconf.kit.errors;

import java.util.List;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The sentences of problem details in English, French and Spanish: the kit's own
 * ({@code i18n/problems}) and the service's ({@code i18n/messages}). Any other language gets English.
 */
public class ProblemMessages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"));

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    public ProblemMessages() {
        source.setBasenames("i18n/messages", "i18n/problems");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(true);
        source.setAlwaysUseMessageFormat(true);
    }

    public String text(String key, Locale requested, Object... arguments) {
        return source.getMessage(key, arguments, supported(requested));
    }

    public static Locale supported(Locale requested) {
        if (requested != null) {
            for (Locale locale : SUPPORTED) {
                if (locale.getLanguage().equals(requested.getLanguage())) {
                    return locale;
                }
            }
        }
        return Locale.ENGLISH;
    }
}
