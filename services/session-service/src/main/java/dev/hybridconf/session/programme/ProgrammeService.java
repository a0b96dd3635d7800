package dev.hybridconf.session.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.errors.NotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Organisers' changes of a programme and whole-programme imports. Each builds the programme as it
 * should be, has {@link ProgrammeRules} check it whole, plans the differences
 * ({@link ProgrammeDiff}) and commits them in one step guarded by the programme version. When another
 * change got in first the step writes nothing and the change is decided again on the new programme
 * (a few times), so concurrent organisers and replicas never lose or mix a change, and a room that
 * was free when one organiser looked cannot be double-booked by another.
 */
@Service
class ProgrammeService {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeService.class);
    private static final int ATTEMPTS = 5;

    /** The programme as read before a change. */
    record State(Conference conference, Map<String, ProgrammeSession> sessions) {

        ProgrammeDocument document() {
            return ProgrammeDocument.of(conference, sessions);
        }
    }

    /** What a change did: its plan (empty when nothing differed) and the conference afterwards. */
    record Outcome(ProgrammeDiff.Plan plan, Conference conference, boolean changed) {
    }

    private enum Mode {
        /** A single change by an organiser: a room clash is a 409 naming both sessions. */
        API,
        /** A whole file: every problem, clashes included, in one 400. */
        IMPORT
    }

    private final ProgrammeStore store;
    private final Clock clock;
    private final MeterRegistry meters;

    ProgrammeService(ProgrammeStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    // ---- conference and days ----------------------------------------------------------------

    Conference createConference(JsonNode body) {
        ProgrammeParser parser = new ProgrammeParser();
        ConferenceSpec spec = parser.conference(body, "", true, true);
        List<DaySpec> days = body.isObject() ? parser.days(body.get("days"), "days", false) : List.of();
        requireOk(parser);
        return apply(spec.id(), state -> {
            if (state.conference() != null) {
                throw new ConflictException("conference-exists", "conference.exists", spec.id());
            }
            return new ProgrammeDocument(spec, days, List.of());
        }, Mode.API, "API").conference();
    }

    /** Replaces the conference's details; its days too when the body lists them. Sessions keep their local times. */
    Conference updateConference(String conferenceId, JsonNode body) {
        ProgrammeParser parser = new ProgrammeParser();
        ConferenceSpec given = parser.conference(body, "", false, true);
        boolean daysGiven = body.isObject() && body.has("days");
        List<DaySpec> days = daysGiven ? parser.days(body.get("days"), "days", false) : List.of();
        if (given != null && given.id() != null && !given.id().equals(conferenceId)) {
            parser.problem("id", "programme.conference.mismatch", conferenceId);
        }
        requireOk(parser);
        ConferenceSpec spec = new ConferenceSpec("", conferenceId, given.name(), given.timeZone(), given.languages(),
                given.startDate(), given.endDate(), given.invitationOnly(), given.registration());
        return apply(conferenceId, state -> {
            ProgrammeDocument current = existing(state, conferenceId).document().withConference(spec);
            return daysGiven ? current.withDays(days) : current;
        }, Mode.API, "API").conference();
    }

    /** Adds a day or replaces its theme. */
    Conference putDay(String conferenceId, LocalDate date, JsonNode body) {
        ProgrammeParser parser = new ProgrammeParser();
        Map<String, String> theme = parser.dayTheme(body);
        if (body.isObject() && body.has("date") && !date.toString().equals(body.get("date").asString())) {
            parser.problem("date", "programme.day.mismatch", date);
        }
        requireOk(parser);
        return apply(conferenceId, state -> {
            ProgrammeDocument current = existing(state, conferenceId).document();
            List<DaySpec> days = new ArrayList<>(current.days().stream().filter(d -> !d.date().equals(date)).toList());
            days.add(new DaySpec("", date, theme));
            return current.withDays(days);
        }, Mode.API, "API").conference();
    }

    // ---- sessions ---------------------------------------------------------------------------

    ProgrammeSession schedule(String conferenceId, JsonNode body) {
        ProgrammeParser parser = new ProgrammeParser();
        SessionSpec parsed = parser.session(body, "", false);
        requireOk(parser);
        SessionSpec spec = parsed.key() != null ? parsed : parsed.withKey(UUID.randomUUID().toString());
        apply(conferenceId, state -> {
            State current = existing(state, conferenceId);
            if (current.sessions().containsKey(spec.key())) {
                throw new ConflictException("session-key-taken", "session.key-taken", spec.key());
            }
            return current.document().withSession(spec);
        }, Mode.API, "API");
        return store.session(ProgrammeSession.idFor(conferenceId, spec.key())).orElseThrow();
    }

    /** Replaces every detail of a scheduled session (times included: a change of times is a reschedule). */
    ProgrammeSession update(String sessionId, JsonNode body) {
        ProgrammeSession session = scheduledSession(sessionId);
        ProgrammeParser parser = new ProgrammeParser();
        SessionSpec parsed = parser.session(body, "", false);
        if (parsed != null && parsed.key() != null && !parsed.key().equals(session.key())) {
            parser.problem("key", "session.key-fixed", session.key());
        }
        requireOk(parser);
        SessionSpec spec = parsed.withKey(session.key());
        return change(session, state -> state.document().withSession(spec));
    }

    /** Moves a scheduled session to another day or time (and, if given, another room). */
    ProgrammeSession move(String sessionId, JsonNode body) {
        ProgrammeSession session = scheduledSession(sessionId);
        ProgrammeParser parser = new ProgrammeParser();
        ProgrammeParser.Move move = parser.move(body);
        requireOk(parser);
        return change(session, state -> {
            SessionSpec current = SessionSpec.of(scheduledIn(state, session.key(), sessionId)).withPath("");
            return state.document().withSession(current.movedTo(move.day(), move.start(), move.end(),
                    move.roomGiven() ? move.room() : current.room()));
        });
    }

    /** Takes a session off the programme; cancelling a cancelled session changes nothing. */
    ProgrammeSession cancel(String sessionId) {
        ProgrammeSession session = store.session(sessionId)
                .orElseThrow(() -> new NotFoundException("session.not-found", sessionId));
        return change(session, state -> {
            ProgrammeSession stored = state.sessions().get(session.key());
            return state.document().withSession(SessionSpec.of(stored).withStatus(SessionStatus.CANCELLED));
        });
    }

    private ProgrammeSession change(ProgrammeSession session, Function<State, ProgrammeDocument> edit) {
        apply(session.conferenceId(), state -> edit.apply(existing(state, session.conferenceId())), Mode.API, "API");
        return store.session(session.id()).orElseThrow();
    }

    private ProgrammeSession scheduledSession(String sessionId) {
        ProgrammeSession session = store.session(sessionId)
                .orElseThrow(() -> new NotFoundException("session.not-found", sessionId));
        if (!session.scheduled()) {
            throw new ConflictException("session-cancelled", "session.cancelled", sessionId);
        }
        return session;
    }

    private static ProgrammeSession scheduledIn(State state, String key, String sessionId) {
        ProgrammeSession stored = state.sessions().get(key);
        if (stored == null || !stored.scheduled()) {
            throw new ConflictException("session-cancelled", "session.cancelled", sessionId);
        }
        return stored;
    }

    // ---- import -----------------------------------------------------------------------------

    /**
     * Imports a whole programme file. The file is checked whole first (every problem listed, nothing
     * written); then only its differences from the stored programme are written, as one programme
     * version: the same file twice changes nothing and emits nothing.
     *
     * @param expectedConferenceId the conference the file must describe, or null to take it from the file
     * @param origin               {@code IMPORT}, or {@code DEMO} for the shipped demo programmes
     */
    ImportResult importProgramme(JsonNode file, String expectedConferenceId, String origin) {
        ProgrammeParser parser = new ProgrammeParser();
        ProgrammeDocument document = parser.document(file);
        List<ProgrammeProblem> problems = new ArrayList<>(parser.problems());
        if (document != null) {
            String id = document.conference().id();
            if (expectedConferenceId != null && id != null && !expectedConferenceId.equals(id)) {
                problems.add(ProgrammeProblem.of("conference.id", "programme.conference.mismatch", expectedConferenceId));
            }
            problems.addAll(ProgrammeRules.check(document).problems());
        }
        if (!problems.isEmpty() || document == null) {
            meters.counter("programme.imports", "outcome", "refused").increment();
            throw ProgrammeInvalidException.file(problems);
        }
        Outcome outcome = apply(document.conference().id(), state -> document, Mode.IMPORT, origin);
        meters.counter("programme.imports", "outcome", outcome.changed() ? "changed" : "unchanged").increment();
        return ImportResult.of(outcome);
    }

    // ---- the one way a programme changes ----------------------------------------------------

    private Outcome apply(String conferenceId, Function<State, ProgrammeDocument> edit, Mode mode, String origin) {
        for (int attempt = 1; ; attempt++) {
            Conference current = store.conference(conferenceId).orElse(null);
            Map<String, ProgrammeSession> sessions = current == null ? Map.of() : store.sessionsByKey(conferenceId);
            ProgrammeDocument desired = edit.apply(new State(current, sessions));
            ProgrammeRules.Verdict verdict = ProgrammeRules.check(desired);
            if (!verdict.ok()) {
                if (mode == Mode.API && !verdict.clashes().isEmpty()) {
                    throw new RoomClashException(conferenceId, verdict.clashes().get(0));
                }
                throw mode == Mode.API ? ProgrammeInvalidException.request(verdict.problems())
                        : ProgrammeInvalidException.file(verdict.problems());
            }
            ProgrammeDiff.Plan plan = ProgrammeDiff.plan(current, sessions, desired, clock.instant(), origin);
            if (plan.changesNothing()) {
                return new Outcome(plan, current, false);
            }
            try {
                store.commit(plan);
                plan.entry().changes().forEach(change ->
                        meters.counter("programme.changes", "type", change.type()).increment());
                return new Outcome(plan, plan.after(), true);
            } catch (ConflictException e) {
                if (!"programme-changed-concurrently".equals(e.slug()) || attempt >= ATTEMPTS) {
                    throw e;
                }
                log.debug("Programme {} changed meanwhile; deciding again (attempt {})", conferenceId, attempt + 1);
            }
        }
    }

    private static State existing(State state, String conferenceId) {
        if (state.conference() == null) {
            throw new NotFoundException("conference.not-found", conferenceId);
        }
        return state;
    }

    private static void requireOk(ProgrammeParser parser) {
        if (!parser.ok()) {
            throw ProgrammeInvalidException.request(parser.problems());
        }
    }
}
