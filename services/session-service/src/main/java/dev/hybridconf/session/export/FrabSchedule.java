package dev.hybridconf.session.export;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.hybridconf.session.programme.Conference;
import dev.hybridconf.session.programme.ProgrammeDay;
import dev.hybridconf.session.programme.ProgrammeSession;

/**
 * A conference's programme laid out as Frab lays out a schedule: days, in each day the rooms in use,
 * in each room its events by start, every time in the conference zone. Cancelled sessions are left
 * out. The JSON ({@link FrabJson}) and XML ({@link FrabXml}) exports are two spellings of it.
 *
 * @param rooms every room of the exported sessions, in order of first use
 */
record FrabSchedule(Conference conference, String language, String title, String acronym, String version,
        String baseUrl, String url, String timeslot, List<Room> rooms, List<Day> days) {

    static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    record Room(String name, String guid) {
    }

    record Day(int index, LocalDate date, String start, String end, Map<String, List<Event>> rooms) {
    }

    record Person(int id, String name) {
    }

    /** One exported session; texts in the export's language. */
    record Event(String guid, int id, String date, String start, String duration, String room, String slug,
            String url, String title, String subtitle, String track, String type, String language, String abstractText,
            String description, List<Person> persons, boolean doNotRecord) {
    }

    /** What is needed from outside the programme: the language, the room name of online sessions, links. */
    interface Context {
        ExportLanguage language();

        String onlineRoom();

        String sessionUrl(String sessionId);

        String baseUrl();

        /** The portal's address, or null. */
        String portalUrl();
    }

    static FrabSchedule of(Conference conference, List<ProgrammeSession> sessions, Context context) {
        ZoneId zone = conference.timeZone();
        ExportLanguage language = context.language();
        List<ProgrammeSession> scheduled = sessions.stream().filter(ProgrammeSession::scheduled)
                .sorted(Comparator.comparing(ProgrammeSession::start).thenComparing(ProgrammeSession::end)
                        .thenComparing(s -> roomOf(s, context)))
                .toList();
        Map<String, Room> rooms = new LinkedHashMap<>();
        for (ProgrammeSession session : scheduled) {
            String room = roomOf(session, context);
            rooms.computeIfAbsent(room, name -> new Room(name, nameUuid(conference.id() + "\nroom\n" + name)));
        }
        List<Day> days = new ArrayList<>();
        int index = 1;
        for (ProgrammeDay day : conference.days()) {
            List<ProgrammeSession> ofDay = scheduled.stream().filter(s -> s.day().equals(day.date())).toList();
            Map<String, List<Event>> byRoom = new LinkedHashMap<>();
            rooms.keySet().forEach(room -> ofDay.stream().filter(s -> roomOf(s, context).equals(room))
                    .forEach(s -> byRoom.computeIfAbsent(room, r -> new ArrayList<>())
                            .add(event(conference, s, context))));
            Instant start = ofDay.stream().map(ProgrammeSession::start).min(Comparator.naturalOrder())
                    .orElse(day.date().atStartOfDay(zone).toInstant());
            Instant end = ofDay.stream().map(ProgrammeSession::end).max(Comparator.naturalOrder())
                    .orElse(day.date().plusDays(1).atStartOfDay(zone).toInstant());
            days.add(new Day(index++, day.date(), offset(start, zone), offset(end, zone), byRoom));
        }
        return new FrabSchedule(conference, language.code(), language.in(conference.name()),
                conference.id().replace('-', '_'), Long.toString(conference.programmeVersion()), context.baseUrl(),
                context.portalUrl(), timeslot(scheduled), List.copyOf(rooms.values()), days);
    }

    private static Event event(Conference conference, ProgrammeSession session, Context context) {
        ExportLanguage language = context.language();
        ZoneId zone = conference.timeZone();
        long minutes = Duration.between(session.start(), session.end()).toMinutes();
        List<Person> persons = session.speakers().stream()
                .map(name -> new Person(positiveInt(nameUuid(conference.id() + "\nperson\n" + name)), name)).toList();
        String floor = session.floorLanguages().isEmpty()
                ? (conference.languages().isEmpty() ? language.code() : conference.languages().get(0))
                : session.floorLanguages().get(0);
        return new Event(session.id(), positiveInt(session.id()), offset(session.start(), zone),
                HOURS_MINUTES.format(session.start().atZone(zone)), "%02d:%02d".formatted(minutes / 60, minutes % 60),
                roomOf(session, context), slug(conference.id(), session.key()), context.sessionUrl(session.id()),
                language.in(session.title()), "", blankToNull(session.track()),
                session.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), floor,
                language.in(session.description()), "", persons, !session.publiclyStreamed());
    }

    private static String roomOf(ProgrammeSession session, Context context) {
        return session.room() == null || session.room().isBlank() ? context.onlineRoom() : session.room();
    }

    static String offset(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    /** The largest step (5 to 60 minutes) that every start and duration of the day is a multiple of. */
    private static String timeslot(List<ProgrammeSession> sessions) {
        long step = 60;
        for (ProgrammeSession s : sessions) {
            long startMinute = s.start().atZone(s.zone()).toLocalTime().toSecondOfDay() / 60;
            step = gcd(step, startMinute);
            step = gcd(step, Duration.between(s.start(), s.end()).toMinutes());
        }
        step = Math.max(5, step);
        return "%02d:%02d".formatted(step / 60, step % 60);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** A slug as the c3voc format wants it ({@code ^[a-z0-9_-]+[a-z0-9]$}), from conference and key. */
    static String slug(String conferenceId, String key) {
        String slug = (conferenceId + "-" + key).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("[^a-z0-9]+$", "");
        return slug.isEmpty() ? "session" : slug;
    }

    /** A stable positive int (1 to 2^30) for a UUID, as Frab's integer ids. */
    static int positiveInt(String uuid) {
        return (int) (UUID.fromString(uuid).getMostSignificantBits() >>> 34) + 1;
    }

    static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
