package dev.hybridconf.rapporteur.reading;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.ProblemMessages;

/**
 * What the readers' pages, charts and feed say in words, in English, French or Spanish ({@code i18n/reading}). The
 * reader's language is {@code ?lang=en|fr|es} when given (anything else is refused), else {@code Accept-Language}
 * (anything but French or Spanish reads English).
 */
@Component
class ReadingTexts {

    /** The languages summaries are written in, in the platform's order (the last resort of a fallback). */
    static final List<String> LANGUAGES = List.of("en", "fr", "es");

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    ReadingTexts() {
        source.setBasenames("i18n/reading");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
    }

    /** The reader's language code: {@code lang} when given (400 unless en, fr or es), else the request's. */
    static String reader(String lang) {
        if (lang == null) {
            return ProblemMessages.supported(LocaleContextHolder.getLocale()).getLanguage();
        }
        String code = lang.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(code)) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.Invalid("lang", "reading.field.lang")));
        }
        return code;
    }

    String text(String key, String language, Object... arguments) {
        return source.getMessage(key, arguments, Locale.forLanguageTag(language));
    }

    /** "Tuesday 16 February 2021" in the reader's language. */
    String longDate(LocalDate day, String language) {
        return DateTimeFormatter.ofPattern(text("reading.date.long", language), Locale.forLanguageTag(language))
                .format(day);
    }

    /** "16 Feb" in the reader's language, for a chart's column. */
    String shortDate(LocalDate day, String language) {
        return DateTimeFormatter.ofPattern(text("reading.date.short", language), Locale.forLanguageTag(language))
                .format(day);
    }

    /** "This summary does not exist in French yet; here is the English version.", in the requested language. */
    String fallbackNotice(String requested, String shown) {
        return text("reading.notice.fallback", requested, text("reading.language.in." + requested, requested),
                text("reading.language.version." + shown, requested));
    }

    /** Why a published text may lag behind: the version it was written from was corrected since. */
    String staleNotice(String reader, String writtenFrom) {
        if (writtenFrom == null || !LANGUAGES.contains(writtenFrom)) {
            return text("reading.notice.stale-unknown", reader);
        }
        return text("reading.notice.stale", reader, text("reading.language.version." + writtenFrom, reader));
    }

    /** A text in the reader's language, else in the first platform language it has, else any; "" for none. */
    static String in(Map<String, String> texts, String language) {
        if (texts == null || texts.isEmpty()) {
            return "";
        }
        String text = texts.get(language);
        if (text != null && !text.isBlank()) {
            return text;
        }
        for (String other : LANGUAGES) {
            text = texts.get(other);
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return texts.values().stream().filter(t -> t != null && !t.isBlank()).sorted().findFirst().orElse("");
    }
}
