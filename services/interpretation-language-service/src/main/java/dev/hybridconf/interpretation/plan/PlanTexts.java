package dev.hybridconf.interpretation.plan;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.interpretation.LanguageCatalogue;
import dev.hybridconf.interpretation.planning.StaffingSolution.HiringSuggestion;
import dev.hybridconf.interpretation.roster.LanguageClass;
import dev.hybridconf.interpretation.roster.LanguageSkill;
import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.ProblemMessages;

/**
 * What the plan's views say in words, in English, French or Spanish ({@code i18n/plan}): why a candidate was kept out
 * of a seat (by rule code), hiring suggestions, coverage cells, calendar texts. The reader's language is
 * {@code ?lang=en|fr|es} when given, else {@code Accept-Language} (anything else reads English).
 */
@Component
class PlanTexts {

    static final List<String> LANGUAGES = List.of("en", "fr", "es");

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    PlanTexts() {
        source.setBasenames("i18n/plan");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
    }

    /** The reader's language: {@code lang} when given (400 unless en, fr or es), else the request's. */
    static Locale reader(String lang) {
        if (lang == null) {
            return ProblemMessages.supported(LocaleContextHolder.getLocale());
        }
        String code = lang.trim().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(code)) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.Invalid("lang", "plan.field.lang")));
        }
        return Locale.forLanguageTag(code);
    }

    String text(String key, Locale locale, Object... arguments) {
        return source.getMessage(key, arguments, locale);
    }

    /** Why a rule kept someone out, in words; a rule this version has no words for is named by its code. */
    String rule(String code, Locale locale) {
        try {
            return source.getMessage("plan.rule." + code, null, locale);
        } catch (NoSuchMessageException unknown) {
            return text("plan.rule.other", locale, code);
        }
    }

    String language(String code, Locale locale) {
        return LanguageCatalogue.find(code).map(l -> l.name(locale.getLanguage())).orElse(code);
    }

    /** A title in the reader's language, else in the first platform language it has. */
    static String in(Map<String, String> texts, Locale locale) {
        if (texts == null || texts.isEmpty()) {
            return "";
        }
        String text = texts.get(locale.getLanguage());
        if (text != null) {
            return text;
        }
        for (String language : LANGUAGES) {
            if (texts.containsKey(language)) {
                return texts.get(language);
            }
        }
        return texts.values().iterator().next();
    }

    String skill(LanguageSkill skill, Locale locale) {
        String name = language(skill.language(), locale);
        String key = skill.level() == LanguageClass.B && skill.retour() ? "plan.level.B-retour"
                : "plan.level." + skill.level().name();
        return text(key, locale, name);
    }

    /** E.g. "1 interpreter with Spanish A and English B, Tuesday 16 February 14:00–17:30, on site, Room C". */
    String hiring(HiringSuggestion suggestion, Locale locale) {
        String profile = suggestion.profile().stream().map(s -> skill(s, locale))
                .collect(Collectors.joining(text("plan.and", locale)));
        String day = suggestion.day() == null ? ""
                : DateTimeFormatter.ofPattern(text("plan.date", locale), locale).format(suggestion.day());
        String hours = suggestion.from() == null || suggestion.to() == null ? ""
                : suggestion.from() + "–" + suggestion.to();
        String mode = suggestion.mode() == null ? "" : text("plan.mode." + suggestion.mode().name(), locale);
        String where = suggestion.room() == null || suggestion.room().isBlank() ? mode
                : text("plan.hiring.room", locale, mode, suggestion.room());
        return text("plan.hiring.text", locale, suggestion.interpreters(), profile, day, hours, where);
    }
}
