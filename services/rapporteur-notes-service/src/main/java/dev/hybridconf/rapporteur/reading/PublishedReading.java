package dev.hybridconf.rapporteur.reading;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.rapporteur.analysis.ThemeCount;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.Programme;
import dev.hybridconf.rapporteur.summary.PublishedSummaries;
import dev.hybridconf.rapporteur.summary.PublishedText;
import dev.hybridconf.rapporteur.summary.PublishedVersion;
import dev.hybridconf.rapporteur.trends.StoredTrends;
import dev.hybridconf.rapporteur.trends.Trends;

/**
 * What readers may see, found and checked: a conference the programme knows (404 otherwise), a day with at least one
 * published version (404 otherwise: a day with only drafts does not exist for readers), the version asked for, and the
 * language to show (the one asked for, else the conference's working languages in order, else en, fr, es). The themes
 * of a day reach readers only once that day is published.
 */
@Component
class PublishedReading {

    /** A conference id as the programme gives them; anything else cannot name one. */
    private static final Pattern CONFERENCE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final Programme programme;
    private final PublishedSummaries summaries;
    private final Trends trends;

    PublishedReading(Programme programme, PublishedSummaries summaries, Trends trends) {
        this.programme = programme;
        this.summaries = summaries;
        this.trends = trends;
    }

    /** A published version and the text of it a reader gets. */
    record Shown(ConferenceInfo conference, PublishedVersion version, PublishedText text, String requested,
            boolean fallback, int latestVersion, List<PublishedVersion> history) {

        /** The corrections up to and including the version shown, oldest first. */
        List<PublishedVersion> corrections() {
            return history.stream().filter(v -> v.version() >= 2 && v.version() <= version.version()).toList();
        }
    }

    ConferenceInfo conference(String conferenceId) {
        if (conferenceId == null || !CONFERENCE_ID.matcher(conferenceId).matches()) {
            throw noConference();
        }
        return programme.conference(conferenceId).orElseThrow(PublishedReading::noConference);
    }

    /** A {@code yyyy-MM-dd} day from the address (400 otherwise). */
    static LocalDate day(String raw) {
        if (raw == null || raw.length() != 10) {
            throw invalid("day", "reading.field.day");
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw invalid("day", "reading.field.day");
        }
    }

    /** The version asked for, or null for the latest (400 unless a whole number from 1). */
    static Integer version(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < 1) {
            throw invalid("version", "reading.field.version");
        }
        return Integer.parseInt(value);
    }

    /** Every published version of the conference, by day then version. */
    List<PublishedVersion> all(ConferenceInfo conference) {
        List<PublishedVersion> all = new ArrayList<>(summaries.all(conference.id()));
        all.sort(Comparator.comparing(PublishedVersion::day).thenComparingInt(PublishedVersion::version));
        return all;
    }

    /** The latest version of every published day, by day. */
    SortedMap<LocalDate, PublishedVersion> latestByDay(ConferenceInfo conference) {
        SortedMap<LocalDate, PublishedVersion> latest = new TreeMap<>();
        for (PublishedVersion version : all(conference)) {
            if (!version.texts().isEmpty()) {
                latest.merge(version.day(), version, (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        return latest;
    }

    /** The latest published version of the day (404 when none: drafts do not count). */
    PublishedVersion latest(ConferenceInfo conference, LocalDate day) {
        return summaries.latest(conference.id(), day).filter(v -> !v.texts().isEmpty())
                .orElseThrow(PublishedReading::noSummary);
    }

    Shown show(ConferenceInfo conference, LocalDate day, Integer number, String requested) {
        PublishedVersion latest = latest(conference, day);
        PublishedVersion version = number == null || number == latest.version() ? latest
                : summaries.version(conference.id(), day, number).filter(v -> !v.texts().isEmpty())
                        .orElseThrow(PublishedReading::noVersion);
        String language = choose(version, conference, requested);
        List<PublishedVersion> history = all(conference).stream().filter(v -> v.day().equals(day)).toList();
        return new Shown(conference, version, version.texts().get(language), requested, !language.equals(requested),
                latest.version(), history);
    }

    /** The requested language when published, else the conference's working languages in order, else en, fr, es. */
    static String choose(PublishedVersion version, ConferenceInfo conference, String requested) {
        Set<String> order = new LinkedHashSet<>();
        order.add(requested);
        order.addAll(conference.languages());
        order.addAll(ReadingTexts.LANGUAGES);
        for (String language : order) {
            if (version.texts().containsKey(language)) {
                return language;
            }
        }
        return new TreeMap<>(version.texts()).firstKey();
    }

    /** The themes of a published day (404 when the day is not published); empty when it has no analysis. */
    List<ThemeCount> dayThemes(ConferenceInfo conference, LocalDate day) {
        latest(conference, day);
        return trends.day(conference.id(), day).map(StoredTrends::trends).map(t -> t.themes())
                .orElse(List.of());
    }

    /** The themes of every published day, by day. */
    SortedMap<LocalDate, List<ThemeCount>> conferenceThemes(ConferenceInfo conference) {
        Set<LocalDate> published = latestByDay(conference).keySet();
        SortedMap<LocalDate, List<ThemeCount>> days = new TreeMap<>();
        published.forEach(day -> days.put(day, List.of()));
        for (StoredTrends stored : trends.conference(conference.id())) {
            if (stored.trends() != null && published.contains(stored.trends().day())) {
                days.put(stored.trends().day(), stored.trends().themes());
            }
        }
        return days;
    }

    /** A moment as the conference's clock shows it. */
    static OffsetDateTime local(Instant instant, ConferenceInfo conference) {
        return instant == null ? null : instant.atZone(conference.zone()).toOffsetDateTime();
    }

    /** The conference's name in the reader's language, else its id. */
    static String name(ConferenceInfo conference, String language) {
        String name = ReadingTexts.in(conference.name(), language);
        return name.isBlank() ? conference.id() : name;
    }

    /** The day's theme in the reader's language, or null when the programme names none. */
    static String theme(ConferenceInfo conference, LocalDate day, String language) {
        Optional<Map<String, String>> theme = conference.days().stream().filter(d -> d.date().equals(day))
                .findFirst().map(d -> d.theme());
        String text = theme.map(t -> ReadingTexts.in(t, language)).orElse("");
        return text.isBlank() ? null : text;
    }

    private static InvalidFieldsException invalid(String field, String key) {
        return new InvalidFieldsException(List.of(new InvalidFieldsException.Invalid(field, key)));
    }

    private static NotFoundException noConference() {
        return new NotFoundException("reading.conference.not-found");
    }

    private static NotFoundException noSummary() {
        return new NotFoundException("reading.summary.not-found");
    }

    private static NotFoundException noVersion() {
        return new NotFoundException("reading.version.not-found");
    }
}
