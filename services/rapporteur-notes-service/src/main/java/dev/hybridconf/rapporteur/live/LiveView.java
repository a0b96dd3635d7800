package dev.hybridconf.rapporteur.live;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.rapporteur.analysis.Concept;
import dev.hybridconf.rapporteur.analysis.Thesaurus;
import dev.hybridconf.rapporteur.corpus.Conclusion;
import dev.hybridconf.rapporteur.corpus.Corpus;
import dev.hybridconf.rapporteur.corpus.ThemeTags;
import dev.hybridconf.rapporteur.live.LiveSnapshot.ConclusionChange;
import dev.hybridconf.rapporteur.live.LiveSnapshot.Group;
import dev.hybridconf.rapporteur.live.LiveSnapshot.GroupRef;
import dev.hybridconf.rapporteur.live.LiveSnapshot.Item;
import dev.hybridconf.rapporteur.live.LiveSnapshot.LockChange;
import dev.hybridconf.rapporteur.live.LiveSnapshot.Pending;
import dev.hybridconf.rapporteur.live.LiveSnapshot.SessionChange;
import dev.hybridconf.rapporteur.live.LiveSnapshot.WrapUp;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.DayInfo;
import dev.hybridconf.rapporteur.programme.Programme;
import dev.hybridconf.rapporteur.programme.SessionInfo;
import dev.hybridconf.rapporteur.thesaurus.ThesaurusStore;

/**
 * Builds the live view of a day from the service's copies (programme, corpus, thesaurus): the snapshot, and the
 * data of each stream event. Reads only the ports, so it works the same whoever keeps them.
 */
@Component
class LiveView {

    static final List<String> LANGUAGES = List.of("en", "fr", "es");
    static final String OTHER = "other";
    static final int MAX_THEME = 200;

    private static final Pattern CONFERENCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Comparator<SessionInfo> PROGRAMME_ORDER = Comparator
            .comparing(SessionInfo::start, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SessionInfo::id);

    private final Programme programme;
    private final Corpus corpus;
    private final ThesaurusStore thesauri;
    private final LiveTexts texts;
    private final Clock clock;

    LiveView(Programme programme, Corpus corpus, ThesaurusStore thesauri, LiveTexts texts, Clock clock) {
        this.programme = programme;
        this.corpus = corpus;
        this.thesauri = thesauri;
        this.texts = texts;
        this.clock = clock;
    }

    /** A day of a conference someone asked for by address. */
    record Day(ConferenceInfo conference, LocalDate date) {

        String conferenceId() {
            return conference.id();
        }

        ZoneId zone() {
            return conference.zone();
        }
    }

    /** The conference and day of an address: 404 when either is unknown, 400 when the day is not a date. */
    Day day(String conferenceId, String day) {
        if (!CONFERENCE_ID.matcher(conferenceId).matches()) {
            throw new NotFoundException("live.conference.not-found");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.Invalid("day", "live.field.day")));
        }
        ConferenceInfo conference = programme.conference(conferenceId)
                .orElseThrow(() -> new NotFoundException("live.conference.not-found"));
        if (conference.days().stream().noneMatch(d -> d.date().equals(date))) {
            throw new NotFoundException("live.day.not-found");
        }
        return new Day(conference, date);
    }

    /** The theme key of {@code ?theme=}, or null for every theme. */
    static String themeFilter(String theme) {
        if (theme == null) {
            return null;
        }
        if (theme.length() > MAX_THEME) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.Invalid("theme", "live.field.theme")));
        }
        String key = ThemeTags.key(theme);
        if (key.isEmpty() || key.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.Invalid("theme", "live.field.theme")));
        }
        return key;
    }

    /** The whole view of the day; {@code cursor} was read before anything else. */
    LiveSnapshot snapshot(Day day, String theme, Locale reader, String cursor) {
        Reading reading = read(day);
        Thesaurus thesaurus = thesauri.current(day.conferenceId());
        Map<String, List<Conclusion>> byKey = new TreeMap<>();
        Map<String, List<String>> spellings = new HashMap<>();
        for (Conclusion conclusion : reading.conclusions()) {
            for (Map.Entry<String, String> group : groupsOf(conclusion, reading.sessions()).entrySet()) {
                byKey.computeIfAbsent(group.getKey(), k -> new ArrayList<>()).add(conclusion);
                spellings.computeIfAbsent(group.getKey(), k -> new ArrayList<>()).add(group.getValue());
            }
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<Conclusion>> entry : byKey.entrySet()) {
            if (theme != null && !theme.equals(entry.getKey())) {
                continue;
            }
            List<Item> items = entry.getValue().stream().map(c -> item(c, reading.sessions(), day.zone(), reader))
                    .toList();
            groups.add(new Group(entry.getKey(), label(entry.getKey(), spellings.get(entry.getKey()), thesaurus, reader),
                    items));
        }
        groups.sort(Comparator.comparingInt((Group g) -> -g.conclusions().size()).thenComparing(Group::theme));
        return new LiveSnapshot(day.conferenceId(), day.date(), dayTheme(day, reader), wrapUp(reading, day.zone()),
                reading.conclusions().size(), reading.breakouts().size(), groups, pending(reading, day.zone(), reader),
                cursor);
    }

    /** Data of a {@code conclusion} event, or empty when the breakout no longer reports on that day. */
    Optional<ConclusionChange> conclusion(Day day, String sessionId, String theme, Locale reader) {
        Reading reading = read(day);
        Optional<Conclusion> current = reading.conclusions().stream().filter(c -> c.sessionId().equals(sessionId))
                .findFirst();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Conclusion conclusion = current.get();
        Thesaurus thesaurus = thesauri.current(day.conferenceId());
        // The label of each of its groups as the snapshot would give it (the commonest spelling of the whole day).
        Map<String, List<String>> spellings = new HashMap<>();
        for (Conclusion other : reading.conclusions()) {
            groupsOf(other, reading.sessions()).forEach((key, spelling) ->
                    spellings.computeIfAbsent(key, k -> new ArrayList<>()).add(spelling));
        }
        List<GroupRef> groups = groupsOf(conclusion, reading.sessions()).keySet().stream()
                .filter(key -> theme == null || theme.equals(key))
                .map(key -> new GroupRef(key, label(key, spellings.get(key), thesaurus, reader))).toList();
        return Optional.of(new ConclusionChange(item(conclusion, reading.sessions(), day.zone(), reader), groups,
                reading.conclusions().size(), reading.breakouts().size()));
    }

    /** Data of a {@code lock} event: the breakout's lock decision now. */
    LockChange lock(Day day, String sessionId) {
        return corpus.current(sessionId)
                .map(c -> new LockChange(sessionId, c.lock().lockedAt(clock.instant()), time(c.lock().lockAt(), day.zone())))
                .orElse(new LockChange(sessionId, false, null));
    }

    /** Data of a {@code session} event: the pending list and counts now. */
    SessionChange session(Day day, String sessionId, Locale reader) {
        Reading reading = read(day);
        boolean reporting = sessionId != null && reading.conclusions().stream()
                .anyMatch(c -> c.sessionId().equals(sessionId));
        return new SessionChange(sessionId, reporting, pending(reading, day.zone(), reader),
                reading.conclusions().size(), reading.breakouts().size());
    }

    private record Reading(Map<String, SessionInfo> sessions, List<SessionInfo> breakouts,
            List<Conclusion> conclusions) {
    }

    private Reading read(Day day) {
        List<SessionInfo> all = new ArrayList<>(programme.day(day.conferenceId(), day.date()));
        all.sort(PROGRAMME_ORDER);
        Map<String, SessionInfo> sessions = new LinkedHashMap<>();
        all.forEach(s -> sessions.put(s.id(), s));
        List<SessionInfo> breakouts = all.stream().filter(s -> s.breakout() && !s.cancelled()).toList();
        Set<String> live = new LinkedHashSet<>();
        breakouts.forEach(s -> live.add(s.id()));
        List<Conclusion> conclusions = new ArrayList<>(corpus.day(day.conferenceId(), day.date()).stream()
                .filter(c -> live.contains(c.sessionId())).toList());
        // In programme order: the order rapporteurs see breakouts everywhere else.
        List<String> order = new ArrayList<>(live);
        conclusions.sort(Comparator.comparingInt((Conclusion c) -> order.indexOf(c.sessionId())));
        return new Reading(sessions, breakouts, conclusions);
    }

    /** The conclusion's groups, key → spelling as written: its themes, else its breakout's track, else "other". */
    private static Map<String, String> groupsOf(Conclusion conclusion, Map<String, SessionInfo> sessions) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (String tag : conclusion.themes()) {
            if (tag == null) {
                continue;
            }
            String key = ThemeTags.key(tag);
            if (!key.isEmpty()) {
                groups.putIfAbsent(key, tag.strip().replaceAll("\\s+", " "));
            }
        }
        if (groups.isEmpty()) {
            SessionInfo session = sessions.get(conclusion.sessionId());
            String track = session == null ? null : session.track();
            if (track != null && !ThemeTags.key(track).isEmpty()) {
                groups.put(ThemeTags.key(track), track.strip().replaceAll("\\s+", " "));
            } else {
                groups.put(OTHER, null);
            }
        }
        return groups;
    }

    /** A concept's label in the reader's language when one of its labels is this theme; else the commonest spelling. */
    private String label(String key, List<String> spellings, Thesaurus thesaurus, Locale reader) {
        for (Concept concept : thesaurus.concepts()) {
            boolean matches = concept.labels().values().stream().flatMap(List::stream)
                    .anyMatch(l -> ThemeTags.key(l).equals(key));
            if (matches) {
                List<String> own = concept.labels().get(reader.getLanguage());
                if (own != null && !own.isEmpty()) {
                    return own.get(0);
                }
                for (String language : LANGUAGES) {
                    List<String> labels = concept.labels().get(language);
                    if (labels != null && !labels.isEmpty()) {
                        return labels.get(0);
                    }
                }
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        if (spellings != null) {
            spellings.stream().filter(s -> s != null).forEach(s -> counts.merge(s, 1, Integer::sum));
        }
        if (counts.isEmpty()) {
            return texts.text("live.group.other", reader);
        }
        // TreeMap order: among equally common spellings, the lexicographically smallest.
        return counts.entrySet().stream().max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue)
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).orElseThrow().getKey();
    }

    private Item item(Conclusion c, Map<String, SessionInfo> sessions, ZoneId zone, Locale reader) {
        SessionInfo session = sessions.get(c.sessionId());
        return new Item(c.sessionId(), session == null ? null : in(session.title(), reader),
                session == null ? null : session.track(), c.language(), c.revision(), time(c.postedAt(), zone),
                c.summary(), c.keyPoints(), c.recommendations(), c.sdgs(), c.themes(),
                c.lock().lockedAt(clock.instant()), time(c.lock().lockAt(), zone));
    }

    private List<Pending> pending(Reading reading, ZoneId zone, Locale reader) {
        Set<String> reported = new LinkedHashSet<>();
        reading.conclusions().forEach(c -> reported.add(c.sessionId()));
        return reading.breakouts().stream().filter(s -> !reported.contains(s.id()))
                .map(s -> new Pending(s.id(), in(s.title(), reader), s.track(), time(s.end(), zone),
                        corpus.current(s.id()).map(c -> time(c.lock().lockAt(), zone)).orElse(null)))
                .toList();
    }

    private static WrapUp wrapUp(Reading reading, ZoneId zone) {
        return reading.sessions().values().stream().filter(s -> "WRAP_UP".equals(s.kind()) && !s.cancelled())
                .findFirst().map(s -> new WrapUp(s.id(), time(s.start(), zone))).orElse(null);
    }

    private static String dayTheme(Day day, Locale reader) {
        return day.conference().days().stream().filter(d -> d.date().equals(day.date())).findFirst()
                .map(DayInfo::theme).map(theme -> theme.isEmpty() ? null : in(theme, reader)).orElse(null);
    }

    /** A text in the reader's language, else in the first platform language it has. */
    static String in(Map<String, String> texts, Locale reader) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        String own = texts.get(reader.getLanguage());
        if (own != null) {
            return own;
        }
        for (String language : LANGUAGES) {
            if (texts.containsKey(language)) {
                return texts.get(language);
            }
        }
        return new TreeMap<>(texts).firstEntry().getValue();
    }

    static String time(Instant instant, ZoneId zone) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }
}
