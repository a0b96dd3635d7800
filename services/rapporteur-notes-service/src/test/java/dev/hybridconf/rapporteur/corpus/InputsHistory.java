package dev.hybridconf.rapporteur.corpus;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.contracts.session.ConclusionPosted;
import dev.hybridconf.contracts.session.ConclusionsLockChanged;
import dev.hybridconf.contracts.session.ConferenceDay;
import dev.hybridconf.contracts.session.ConferencePublished;
import dev.hybridconf.contracts.session.ConferenceUpdated;
import dev.hybridconf.contracts.session.SessionCancelled;
import dev.hybridconf.contracts.session.SessionRescheduled;
import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.contracts.session.SessionUpdated;
import dev.hybridconf.rapporteur.programme.ProgrammeCopy;
import dev.hybridconf.rapporteur.programme.SessionInfo;
import dev.hybridconf.testinfra.KafkaProbe;

/**
 * The session service's events about one conference, as it would publish them (envelopes numbered per subject, as
 * the outbox numbers them), for the inputs' tests: a three-day seminar in Europe/Madrid in February 2021, en/fr/es.
 */
final class InputsHistory {

    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    static final LocalDate DAY1 = LocalDate.of(2021, 2, 16);
    static final LocalDate DAY2 = DAY1.plusDays(1);
    static final LocalDate DAY3 = DAY1.plusDays(2);

    private final EventCodec codec = new EventCodec();
    private final String conferenceId;
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<String, Long> sessionVersions = new HashMap<>();
    private long programmeVersion;
    private final List<CloudEvent> events = new ArrayList<>();

    InputsHistory(String conferenceId) {
        this.conferenceId = conferenceId;
    }

    String conferenceId() {
        return conferenceId;
    }

    /** The id of the session with {@code key} in this conference (as the session service derives it). */
    String id(String key) {
        return UUID.nameUUIDFromBytes((conferenceId + "\n" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Every event made so far, in the order made. */
    List<CloudEvent> events() {
        return List.copyOf(events);
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toInstant();
    }

    CloudEvent published() {
        return add(new ConferencePublished(conferenceId, ++programmeVersion, 1,
                Map.of("en", "Seminar", "fr", "Séminaire", "es", "Seminario"), ZONE.getId(), List.of("en", "fr", "es"),
                DAY1, DAY3, false, null, List.of(new ConferenceDay(DAY1, Map.of("en", "Housing", "fr", "Logement",
                        "es", "Vivienda")), new ConferenceDay(DAY2, Map.of("en", "Finance")),
                        new ConferenceDay(DAY3, Map.of()))));
    }

    CloudEvent renamed(String english) {
        return add(new ConferenceUpdated(conferenceId, ++programmeVersion, 2,
                Map.of("en", english, "fr", "Séminaire", "es", "Seminario"), ZONE.getId(), List.of("en", "fr", "es"),
                DAY1, DAY3, false, null, List.of(new ConferenceDay(DAY1, Map.of("en", "Housing")),
                        new ConferenceDay(DAY2, Map.of("en", "Finance")), new ConferenceDay(DAY3, Map.of()))));
    }

    CloudEvent scheduled(String key, String kind, LocalDate day, int hour, String track) {
        String id = id(key);
        return add(new SessionScheduled(id, conferenceId, ++programmeVersion, nextSessionVersion(id), kind, day,
                at(day, hour), at(day, hour).plus(Duration.ofMinutes(90)), ZONE.getId(), "HYBRID",
                List.of("en", "fr"), false, null, List.of("moderator-" + key), "rapporteur-1", "Room " + key, track,
                "slot-" + hour, Map.of("en", "Breakout " + key, "fr", "Atelier " + key, "es", "Taller " + key)));
    }

    CloudEvent retitled(String key, String kind, LocalDate day, int hour, String english) {
        String id = id(key);
        return add(new SessionUpdated(id, conferenceId, ++programmeVersion, nextSessionVersion(id), kind, day,
                at(day, hour), at(day, hour).plus(Duration.ofMinutes(90)), ZONE.getId(), "HYBRID",
                List.of("en", "fr"), false, null, List.of("moderator-" + key), "rapporteur-1", "Room " + key, "housing",
                "slot-" + hour, Map.of("en", english), List.of("title")));
    }

    CloudEvent moved(String key, String kind, LocalDate from, int fromHour, LocalDate to, int hour) {
        String id = id(key);
        return add(new SessionRescheduled(id, conferenceId, ++programmeVersion, nextSessionVersion(id), kind, "HYBRID",
                from, at(from, fromHour), at(from, fromHour).plus(Duration.ofMinutes(90)), to, at(to, hour),
                at(to, hour).plus(Duration.ofMinutes(90)), ZONE.getId()));
    }

    CloudEvent cancelled(String key, String kind, LocalDate day, int hour) {
        String id = id(key);
        return add(new SessionCancelled(id, conferenceId, ++programmeVersion, nextSessionVersion(id), kind, day,
                at(day, hour), at(day, hour).plus(Duration.ofMinutes(90)), ZONE.getId()));
    }

    CloudEvent conclusion(String key, LocalDate day, long revision, String language, String summary) {
        return add(new ConclusionPosted(id(key), conferenceId, day, revision, language, summary,
                List.of("Point " + revision), List.of("Recommendation " + revision), List.of("Housing", "logement"),
                List.of(11), "moderator-" + key, at(day, 18).plusSeconds(revision)));
    }

    CloudEvent lock(String key, LocalDate day, Instant lockAt, String source, Instant relockAt, String by) {
        return add(new ConclusionsLockChanged(id(key), conferenceId, day, lockAt, source, relockAt, by,
                at(day, 19).plusSeconds(events.size())));
    }

    private long nextSessionVersion(String id) {
        return sessionVersions.merge(id, 1L, Long::sum);
    }

    private CloudEvent add(EventPayload payload) {
        CloudEvent event = codec.wrap("session-service", payload);
        event = event.withAggregateVersion(versions.merge(event.subject(), 1L, Long::sum));
        events.add(event);
        return event;
    }

    String json(CloudEvent event) {
        return codec.toJson(event);
    }

    /** Sends events to the real topic, keyed by their subject as the outbox relay does. */
    void send(KafkaProbe kafka, String topic, List<CloudEvent> toSend) {
        toSend.forEach(e -> kafka.send(topic, e.subject(), codec.toJson(e)));
    }

    /** A history touching every part of the copy: moves, cancels, revisions, locks, title changes. */
    static InputsHistory full(String conferenceId) {
        InputsHistory h = new InputsHistory(conferenceId);
        h.published();
        h.scheduled("a", "BREAKOUT", DAY1, 10, "housing");
        h.scheduled("b", "BREAKOUT", DAY1, 10, "finance");
        h.scheduled("c", "BREAKOUT", DAY2, 10, "climate");
        h.scheduled("wrap", "WRAP_UP", DAY2, 9, null);
        h.conclusion("a", DAY1, 1, "en", "Housing.");
        h.conclusion("b", DAY1, 1, "fr", "Finances locales.");
        h.lock("a", DAY1, at(DAY2, 9), "WRAP_UP", null, null);
        h.renamed("Seminar, renamed");
        h.retitled("a", "BREAKOUT", DAY1, 10, "Housing for all");
        h.conclusion("a", DAY1, 2, "en", "Housing for all.");
        h.moved("b", "BREAKOUT", DAY1, 10, DAY3, 10);
        h.conclusion("c", DAY2, 1, "es", "Clima.");
        h.lock("a", DAY1, at(DAY1, 20), "LOCKED", null, "organiser-1");
        h.cancelled("c", "BREAKOUT", DAY2, 10);
        h.conclusion("a", DAY1, 3, "en", "Housing for all, now.");
        return h;
    }

    /** Everything a reader sees of the conference, with its ids written as the keys they were made from. */
    String snapshot(ProgrammeCopy programme, CorpusStore corpus) {
        InputsHistory h = this;
        String c = conferenceId;
        StringBuilder text = new StringBuilder();
        text.append(programme.conference(c)).append('\n');
        for (SessionInfo s : programme.sessions(c)) {
            text.append(s).append('\n');
        }
        for (LocalDate day : List.of(DAY1, DAY2, DAY3)) {
            text.append(day).append(corpus.day(c, day)).append('\n');
        }
        text.append(corpus.daysWithConclusions(c)).append('\n');
        for (String key : List.of("a", "b", "c")) {
            text.append(corpus.revisions(h.id(key))).append(corpus.lock(h.id(key))).append('\n');
        }
        String result = text.toString().replace(c, "C");
        for (String key : List.of("a", "b", "c", "wrap")) {
            result = result.replace(h.id(key), key);
        }
        return result;
    }


    /** Whether the copy shows the last event of every subject of {@link #full}. */
    boolean complete(ProgrammeCopy programme, CorpusStore corpus) {
        return corpus.current(id("a")).map(Conclusion::revision).orElse(0L) == 3
                && programme.session(id("c")).map(SessionInfo::cancelled).orElse(false)
                && "LOCKED".equals(corpus.lock(id("a")).source())
                && programme.session(id("a")).map(s -> s.title().containsKey("en")
                        && s.title().get("en").equals("Housing for all")).orElse(false)
                && programme.session(id("b")).map(s -> DAY3.equals(s.day())).orElse(false)
                && corpus.current(id("b")).isPresent() && corpus.current(id("c")).isPresent()
                && corpus.revisions(id("a")).size() == 3
                && programme.session(id("wrap")).isPresent()
                && programme.conference(conferenceId).map(x -> "Seminar, renamed".equals(x.name().get("en")))
                        .orElse(false);
    }
}
