package dev.hybridconf.session.programme;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.hybridconf.kit.errors.NotFoundException;

/** The programme as readers ask for it: filtered, grouped by conference day, in their time zone. */
@Service
public class ProgrammeQueries {

    /** The filters of a programme read, as given (each optional). */
    record Filter(String day, String kind, String track, String language, String format) {
    }

    /** A language code as the {@code language} filter takes it: ISO 639, two or three letters. */
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");

    private final ProgrammeStore store;
    private final ObjectProvider<LiveStatusReader> live;
    private final ObjectProvider<InterpretationReader> interpretation;

    ProgrammeQueries(ProgrammeStore store, ObjectProvider<LiveStatusReader> live,
            ObjectProvider<InterpretationReader> interpretation) {
        this.store = store;
        this.live = live;
        this.interpretation = interpretation;
    }

    /** One session as readers see it, with its live status and its languages, in the viewer's zone. */
    public SessionView view(ProgrammeSession session, ViewerZone viewer) {
        List<String> ids = List.of(session.id());
        return SessionView.of(session, viewer, liveStatuses(ids).get(session.id()), published(ids).get(session.id()));
    }

    private Map<String, String> liveStatuses(List<String> sessionIds) {
        LiveStatusReader reader = live.getIfAvailable();
        Map<String, String> found = reader == null ? Map.of() : reader.liveStatuses(sessionIds);
        Map<String, String> statuses = new java.util.HashMap<>();
        sessionIds.forEach(id -> statuses.put(id, found.getOrDefault(id, "SCHEDULED")));
        return statuses;
    }

    private Map<String, InterpretationReader.Published> published(List<String> sessionIds) {
        InterpretationReader reader = interpretation.getIfAvailable();
        return reader == null || sessionIds.isEmpty() ? Map.of() : reader.published(sessionIds);
    }

    List<ConferenceSummary> conferences() {
        return store.conferences().stream().map(ConferenceSummary::of).toList();
    }

    ConferenceView conference(String conferenceId, String tz) {
        Conference conference = conferenceOr404(conferenceId);
        return ConferenceView.of(conference, store.sessions(conferenceId), ViewerZone.of(tz, conference.timeZone()));
    }

    /** One session in the viewer's zone (404 when unknown; 400 naming {@code tz} when the zone is not one). */
    public SessionView session(String sessionId, String tz) {
        ProgrammeSession session = store.session(sessionId)
                .orElseThrow(() -> new NotFoundException("session.not-found", sessionId));
        return view(session, ViewerZone.of(tz, session.zone()));
    }

    ProgrammeView programme(String conferenceId, Filter filter, String tz) {
        Conference conference = conferenceOr404(conferenceId);
        ViewerZone viewer = ViewerZone.of(tz, conference.timeZone());
        List<ProgrammeProblem> problems = new ArrayList<>();
        LocalDate day = day(filter.day(), conference, problems);
        SessionKind kind = choice(filter.kind(), "kind", SessionKind.class, problems);
        SessionFormat format = choice(filter.format(), "format", SessionFormat.class, problems);
        String language = filter.language() == null || filter.language().isBlank() ? null
                : filter.language().trim().toLowerCase(Locale.ROOT);
        if (language != null && !LANGUAGE_CODE.matcher(language).matches()) {
            problems.add(ProgrammeProblem.of("language", "programme.field.language-code"));
        }
        if (!problems.isEmpty()) {
            throw ProgrammeInvalidException.request(problems);
        }
        String track = filter.track() == null || filter.track().isBlank() ? null : filter.track().trim();
        List<ProgrammeSession> sessions = store.sessions(conferenceId);
        List<String> ids = sessions.stream().map(ProgrammeSession::id).toList();
        Map<String, InterpretationReader.Published> published = published(ids);
        // A language the session is given in: spoken on the floor, or a channel of its published interpretation.
        Predicate<ProgrammeSession> wanted = s -> (kind == null || s.kind() == kind)
                && (format == null || s.format() == format)
                && (language == null || s.floorLanguages().contains(language)
                        || (published.containsKey(s.id()) && published.get(s.id()).offers(language)))
                && (track == null || track.equalsIgnoreCase(s.track()));

        Map<String, String> liveStatuses = liveStatuses(ids);
        Map<LocalDate, List<SessionView>> byDay = new TreeMap<>();
        conference.days().stream().filter(d -> day == null || d.date().equals(day))
                .forEach(d -> byDay.put(d.date(), new ArrayList<>()));
        sessions.stream().filter(wanted)
                .sorted(Comparator.comparing(ProgrammeSession::start).thenComparing(ProgrammeSession::end)
                        .thenComparing(s -> s.room() == null ? "" : s.room()))
                .forEach(s -> {
                    List<SessionView> list = byDay.get(s.day());
                    if (list != null) {
                        list.add(SessionView.of(s, viewer, liveStatuses.get(s.id()), published.get(s.id())));
                    }
                });
        List<ProgrammeView.Day> days = byDay.entrySet().stream()
                .map(e -> new ProgrammeView.Day(e.getKey(),
                        conference.day(e.getKey()).map(ProgrammeDay::theme).orElse(Map.of()), List.copyOf(e.getValue())))
                .toList();
        return new ProgrammeView(conference.id(), conference.name(), viewer.id(), conference.timeZone().getId(),
                conference.languages(), conference.programmeVersion(), days);
    }

    ChangelogView changelog(String conferenceId, long since, String tz) {
        Conference conference = conferenceOr404(conferenceId);
        ViewerZone viewer = ViewerZone.of(tz, conference.timeZone());
        if (since < 0) {
            throw ProgrammeInvalidException.parameter("since", "programme.field.since");
        }
        return ChangelogView.of(conference, store.changelog(conferenceId, since, 200), viewer);
    }

    private Conference conferenceOr404(String conferenceId) {
        return store.conference(conferenceId)
                .orElseThrow(() -> new NotFoundException("conference.not-found", conferenceId));
    }

    private static LocalDate day(String given, Conference conference, List<ProgrammeProblem> problems) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(given.trim());
            if (conference.day(day).isEmpty()) {
                problems.add(ProgrammeProblem.of("day", "programme.day.not-conference-day", day));
                return null;
            }
            return day;
        } catch (DateTimeException e) {
            problems.add(ProgrammeProblem.of("day", "programme.field.date"));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(String given, String name, Class<E> type,
            List<ProgrammeProblem> problems) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, given.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problems.add(ProgrammeProblem.of(name, "programme.field.choice",
                    String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }
}
