package dev.hybridconf.rapporteur.summary;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/** What drafts and the summary state say in words, in English, French or Spanish ({@code i18n/summary}). */
@Component
class SummaryTexts {

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    SummaryTexts() {
        source.setBasenames("i18n/summary");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
    }

    String text(String language, String key, Object... arguments) {
        return source.getMessage(key, arguments, locale(language));
    }

    String date(String language, LocalDate day) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(language)));
    }

    static Locale locale(String language) {
        return switch (language) {
            case "fr" -> Locale.FRENCH;
            case "es" -> Locale.forLanguageTag("es");
            default -> Locale.ENGLISH;
        };
    }
}
