package dev.hybridconf.rapporteur.live;

import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.ProblemMessages;

/**
 * What the live view says in words ({@code i18n/live}), in English, French or Spanish. The reader's language is
 * {@code ?lang=} when given (400 unless en, fr or es), else {@code Accept-Language}, else English.
 */
@Component
class LiveTexts {

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    LiveTexts() {
        source.setBasenames("i18n/live");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
    }

    static Locale reader(String lang) {
        if (lang == null) {
            return ProblemMessages.supported(LocaleContextHolder.getLocale());
        }
        String code = lang.trim().toLowerCase(Locale.ROOT);
        if (!LiveView.LANGUAGES.contains(code)) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.Invalid("lang", "live.field.lang")));
        }
        return Locale.forLanguageTag(code);
    }

    String text(String key, Locale locale, Object... arguments) {
        return source.getMessage(key, arguments, locale);
    }
}
