package dev.hybridconf.rapporteur.assignments;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.DayInfo;
import dev.hybridconf.rapporteur.programme.Programme;
import dev.hybridconf.rapporteur.programme.SessionInfo;

/**
 * What the addresses of assignments, notes and summaries name, checked before anything is read: a conference the
 * programme knows, one of its days, a summary language, a session. Anything else is 404 (a huge or malformed path
 * segment never reaches Redis as a key).
 */
public final class Addresses {

    /** The languages summaries are written in. */
    public static final List<String> LANGUAGES = List.of("en", "fr", "es");

    private static final Pattern CONFERENCE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Addresses() {
    }

    public static ConferenceInfo conference(Programme programme, String conferenceId) {
        if (conferenceId == null || !CONFERENCE.matcher(conferenceId).matches()) {
            throw new NotFoundException("summaries.conference.not-found", "?");
        }
        return programme.conference(conferenceId)
                .orElseThrow(() -> new NotFoundException("summaries.conference.not-found", conferenceId));
    }

    /** A day of the conference (one the programme lists; any date when the programme lists none). */
    public static LocalDate day(ConferenceInfo conference, String day) {
        LocalDate date = date(day);
        if (date == null || !conference.days().isEmpty()
                && conference.days().stream().map(DayInfo::date).noneMatch(date::equals)) {
            throw new NotFoundException("summaries.day.not-found", date == null ? "?" : date.toString());
        }
        return date;
    }

    /** An ISO date, or null. */
    public static LocalDate date(String text) {
        if (text == null || !DAY.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String language(String language) {
        if (language == null || !LANGUAGES.contains(language)) {
            throw new NotFoundException("summaries.language.not-found", language == null ? "?"
                    : language.length() > 10 ? "?" : language);
        }
        return language;
    }

    public static SessionInfo session(Programme programme, String sessionId) {
        if (sessionId == null || !SESSION.matcher(sessionId).matches()) {
            throw new NotFoundException("summaries.session.not-found");
        }
        return programme.session(sessionId)
                .orElseThrow(() -> new NotFoundException("summaries.session.not-found"));
    }

    public static boolean uuid(String text) {
        return text != null && UUID.matcher(text).matches();
    }

    /** The lower-case form of a registration id, as tokens carry them. */
    public static String id(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /**
     * The version {@code If-Match} names ({@code "3"} or {@code W/"3"}): null when absent or {@code *} (whatever is
     * current); a header that names no version of ours matches nothing (-1: 412).
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        java.util.regex.Matcher matcher = ETAG.matcher(ifMatch.strip());
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1L;
    }
}
