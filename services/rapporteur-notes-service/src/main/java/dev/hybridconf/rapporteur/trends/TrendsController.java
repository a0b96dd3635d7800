package dev.hybridconf.rapporteur.trends;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.DayInfo;
import dev.hybridconf.rapporteur.programme.Programme;
import dev.hybridconf.rapporteur.trends.TrendsViews.ConferenceView;
import dev.hybridconf.rapporteur.trends.TrendsViews.DaySummary;
import dev.hybridconf.rapporteur.trends.TrendsViews.DayView;

/**
 * The trends of a day, and of a whole conference (per day its top five and theme counts), for rapporteurs and
 * organisers (the service's role paths). Texts in {@code ?lang=} (en, fr, es), else the {@code Accept-Language}
 * when it is one of them, else English. An unknown conference or a day that is not one of its days: 404.
 */
@RestController
@RequestMapping("/api/rapporteur/conferences/{conferenceId}")
class TrendsController {

    private static final List<String> LANGUAGES = List.of("en", "fr", "es");

    private final RedisTrends trends;
    private final Programme programme;

    TrendsController(RedisTrends trends, Programme programme) {
        this.trends = trends;
        this.programme = programme;
    }

    @GetMapping("/days/{day}/trends")
    DayView day(@PathVariable String conferenceId, @PathVariable String day,
            @RequestParam(name = "lang", required = false) String lang) {
        String language = language(lang);
        ConferenceInfo conference = conference(conferenceId);
        LocalDate date = day(conference, day);
        StoredTrends stored = trends.day(conferenceId, date).orElse(null);
        return TrendsViews.day(conferenceId, date, language, conference.languages(), conference.zone(), stored,
                stored == null && trends.markedDirty(conferenceId, date));
    }

    @GetMapping("/trends")
    ConferenceView conference(@PathVariable String conferenceId,
            @RequestParam(name = "lang", required = false) String lang) {
        String language = language(lang);
        ConferenceInfo conference = conference(conferenceId);
        TreeMap<LocalDate, StoredTrends> analysed = new TreeMap<>();
        trends.conference(conferenceId).forEach(stored -> analysed.put(stored.trends().day(), stored));
        TreeMap<LocalDate, DayInfo> days = new TreeMap<>();
        conference.days().forEach(info -> days.put(info.date(), info));
        analysed.keySet().forEach(date -> days.putIfAbsent(date, new DayInfo(date, java.util.Map.of())));
        List<DaySummary> summaries = days.values().stream().map(info -> {
            StoredTrends stored = analysed.get(info.date());
            String theme = TrendsViews.label(info.theme(), language, conference.languages(), null).text();
            return TrendsViews.summary(info.date(), theme, language, conference.languages(), stored,
                    stored == null && trends.markedDirty(conferenceId, info.date()));
        }).toList();
        return new ConferenceView(conferenceId, language, summaries);
    }

    private ConferenceInfo conference(String conferenceId) {
        if (conferenceId.length() > 100) {
            throw new NotFoundException("trends.conference.not-found", "…");
        }
        return programme.conference(conferenceId)
                .orElseThrow(() -> new NotFoundException("trends.conference.not-found", conferenceId));
    }

    /** One of the conference's days, or one its programme has sessions on. */
    private LocalDate day(ConferenceInfo conference, String day) {
        LocalDate date;
        try {
            date = day.length() == 10 ? LocalDate.parse(day) : null;
        } catch (DateTimeParseException notADate) {
            date = null;
        }
        LocalDate found = date;
        if (found == null || (conference.days().stream().noneMatch(info -> info.date().equals(found))
                && programme.day(conference.id(), found).isEmpty())) {
            throw new NotFoundException("trends.day.not-found", conference.id(), day.length() > 20 ? "…" : day);
        }
        return found;
    }

    private static String language(String lang) {
        if (lang != null) {
            if (!LANGUAGES.contains(lang)) {
                throw new InvalidFieldsException(List.of(new Invalid("lang", "trends.field.lang")));
            }
            return lang;
        }
        Locale locale = LocaleContextHolder.getLocale();
        return locale != null && LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
    }
}
