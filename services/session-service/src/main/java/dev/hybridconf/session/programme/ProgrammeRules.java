package dev.hybridconf.session.programme;

import static dev.hybridconf.session.programme.ProgrammeProblem.at;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules a whole programme must keep, checked on the programme as it would be after a change
 * (so an import is checked as a whole, and a single change against everything else):
 * <ul>
 * <li>texts (conference name, day themes, session titles and descriptions) in every working language;</li>
 * <li>days within the conference dates, each once; at most {@value #MAX_DAYS} days;</li>
 * <li>each session on a day of the conference (the day it starts), at local times that exist in the
 * conference zone, with floor languages among the working languages, its key used once. An end at or
 * before the start time is on the next day. A session ending on its own day fits in that day; one
 * ending on the next day lasts less than 24 hours, counted between its instants (a night whose clocks
 * go back counts the hour it gains), and an end equal to the start (a whole day) is refused;</li>
 * <li>no two scheduled sessions in one room at once, compared by their instants (a session running past
 * midnight clashes with the next day's first one in its room). Breakouts of one slot run in parallel,
 * each in its own room; sessions without a room (online only) never clash.</li>
 * </ul>
 * Cancelled sessions keep their place in the document but are not checked.
 */
final class ProgrammeRules {

    static final int MAX_DAYS = 31;

    /** A session lasts less than this, in real time. */
    static final Duration MAX_LENGTH = Duration.ofHours(24);

    /** Two scheduled sessions in one room at once, in programme order. */
    record RoomClash(SessionSpec first, SessionSpec second, String room, ZoneId zone) {

        ProgrammeProblem problem() {
            return ProgrammeProblem.of(at(second.path(), "room"), "programme.room-clash",
                    new ProgrammeProblem.Texts(first.title()), when(first), new ProgrammeProblem.Texts(second.title()),
                    when(second), room);
        }

        /** {@code 2024-11-07 16:00–17:30 (Europe/Madrid)}; the end's date too when it is the next day. */
        String when(SessionSpec session) {
            return session.day() + " " + session.start() + "–" + (session.endsNextDay() ? session.endDay() + " " : "")
                    + session.end() + " (" + zone.getId() + ")";
        }
    }

    /** What is wrong with a programme: problems by path, and room clashes (also listed among the problems). */
    record Verdict(List<ProgrammeProblem> problems, List<RoomClash> clashes) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    private ProgrammeRules() {
    }

    static Verdict check(ProgrammeDocument document) {
        List<ProgrammeProblem> problems = new ArrayList<>();
        ConferenceSpec conference = document.conference();
        List<String> languages = conference.languages() == null ? List.of() : conference.languages();
        ZoneId zone = conference.timeZone();

        texts(problems, at(conference.path(), "name"), conference.name(), languages, true);
        boolean datesKnown = conference.startDate() != null && conference.endDate() != null;
        if (datesKnown && conference.endDate().isBefore(conference.startDate())) {
            problems.add(ProgrammeProblem.of(at(conference.path(), "endDate"), "programme.dates.order",
                    conference.startDate()));
            datesKnown = false;
        } else if (datesKnown && ChronoUnit.DAYS.between(conference.startDate(), conference.endDate()) >= MAX_DAYS) {
            problems.add(ProgrammeProblem.of(at(conference.path(), "endDate"), "programme.dates.too-long", MAX_DAYS));
            datesKnown = false;
        }

        Set<LocalDate> days = new HashSet<>();
        for (DaySpec day : document.days()) {
            if (day.date() == null) {
                continue;
            }
            if (!days.add(day.date())) {
                problems.add(ProgrammeProblem.of(at(day.path(), "date"), "programme.day.duplicate", day.date()));
            } else if (datesKnown && (day.date().isBefore(conference.startDate())
                    || day.date().isAfter(conference.endDate()))) {
                problems.add(ProgrammeProblem.of(at(day.path(), "date"), "programme.day.outside-dates", day.date(),
                        conference.startDate(), conference.endDate()));
            }
            texts(problems, at(day.path(), "theme"), day.theme(), languages, false);
        }

        Set<String> keys = new HashSet<>();
        List<SessionSpec> timed = new ArrayList<>();
        for (SessionSpec session : document.sessions()) {
            if (session.key() != null && !keys.add(session.key())) {
                problems.add(ProgrammeProblem.of(at(session.path(), "key"), "programme.key.duplicate", session.key()));
            }
            if (!session.scheduled()) {
                continue;
            }
            if (session.day() != null && !days.contains(session.day())) {
                problems.add(ProgrammeProblem.of(at(session.path(), "day"), "programme.day.not-conference-day",
                        session.day()));
            }
            boolean timesOk = session.timed();
            if (timesOk && session.end().equals(session.start())) {
                problems.add(ProgrammeProblem.of(at(session.path(), "end"), "programme.session.whole-day",
                        session.start().toString()));
                timesOk = false;
            }
            if (timesOk && zone != null) {
                timesOk &= exists(problems, session, "start", session.day(), session.start(), zone);
                timesOk &= exists(problems, session, "end", session.endDay(), session.end(), zone);
            }
            if (timesOk && zone != null && session.endsNextDay()) {
                timesOk = lastsUnderADay(problems, session, zone);
            }
            for (String language : session.floorLanguages()) {
                if (!languages.isEmpty() && !languages.contains(language)) {
                    problems.add(ProgrammeProblem.of(at(session.path(), "floorLanguages"),
                            "programme.text.not-working-language", language));
                }
            }
            texts(problems, at(session.path(), "title"), session.title(), languages, true);
            texts(problems, at(session.path(), "description"), session.description(), languages, false);
            if (timesOk && zone != null && days.contains(session.day())) {
                timed.add(session);
            }
        }

        List<RoomClash> clashes = zone == null ? List.of() : clashes(timed, zone);
        clashes.forEach(clash -> problems.add(clash.problem()));
        return new Verdict(List.copyOf(problems), clashes);
    }

    /** Every pair of scheduled sessions in one room whose times overlap, each pair once. */
    private static List<RoomClash> clashes(List<SessionSpec> sessions, ZoneId zone) {
        Map<String, List<SessionSpec>> byRoom = new HashMap<>();
        for (SessionSpec session : sessions) {
            if (session.room() != null && !session.room().isBlank()) {
                byRoom.computeIfAbsent(session.room().trim().toLowerCase(Locale.ROOT), r -> new ArrayList<>()).add(session);
            }
        }
        List<RoomClash> clashes = new ArrayList<>();
        for (List<SessionSpec> room : byRoom.values()) {
            room.sort(Comparator.comparing((SessionSpec s) -> s.startIn(zone).toInstant()).thenComparing(SessionSpec::path));
            for (int i = 0; i < room.size(); i++) {
                SessionSpec first = room.get(i);
                for (int j = i + 1; j < room.size(); j++) {
                    SessionSpec second = room.get(j);
                    if (!second.startIn(zone).toInstant().isBefore(first.endIn(zone).toInstant())) {
                        break;
                    }
                    clashes.add(new RoomClash(first, second, second.room(), zone));
                }
            }
        }
        clashes.sort(Comparator.comparing((RoomClash c) -> c.second().startIn(zone).toInstant())
                .thenComparing(c -> c.second().path()));
        return clashes;
    }

    /**
     * A local time that the clocks skip in the zone (the spring change) does not exist; {@code date} is the
     * day it falls on (for an end after midnight, the day after the session's).
     */
    private static boolean exists(List<ProgrammeProblem> problems, SessionSpec session, String field, LocalDate date,
            LocalTime time, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(date, time);
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            problems.add(ProgrammeProblem.of(at(session.path(), field), "programme.time-gap", time.toString(),
                    date, zone.getId()));
            return false;
        }
        return true;
    }

    /**
     * A session ending on the next day lasts less than 24 hours between its instants. Its clock span is under a
     * day, but a night whose clocks go back adds an hour: 04:00 to 03:30 the next day lasts 24 h 30. (A session
     * ending on its own day is not measured: it fits in its day, even the 25-hour one.)
     */
    private static boolean lastsUnderADay(List<ProgrammeProblem> problems, SessionSpec session, ZoneId zone) {
        Duration length = Duration.between(session.startIn(zone), session.endIn(zone));
        if (length.compareTo(MAX_LENGTH) < 0) {
            return true;
        }
        problems.add(ProgrammeProblem.of(at(session.path(), "end"), "programme.session.too-long",
                length.toHours(), length.toMinutesPart(), session.day() + " " + session.start(),
                session.endDay() + " " + session.end(), zone.getId()));
        return false;
    }

    /**
     * Texts in several languages: none outside the working languages, and (when {@code required}, or
     * when any is given) one in each working language.
     */
    private static void texts(List<ProgrammeProblem> problems, String path, Map<String, String> texts,
            List<String> languages, boolean required) {
        if (languages.isEmpty()) {
            return;
        }
        for (String language : texts.keySet()) {
            if (!languages.contains(language)) {
                problems.add(ProgrammeProblem.of(path + "." + language, "programme.text.not-working-language", language));
            }
        }
        if (!required && texts.isEmpty()) {
            return;
        }
        for (String language : languages) {
            if (!texts.containsKey(language)) {
                problems.add(ProgrammeProblem.of(path + "." + language, "programme.text.missing", language));
            }
        }
    }
}
