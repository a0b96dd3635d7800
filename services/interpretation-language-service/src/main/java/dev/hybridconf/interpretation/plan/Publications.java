package dev.hybridconf.interpretation.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.hybridconf.contracts.interpretation.InterpretationPlanPublished;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.AssignedInterpreter;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Channel;
import dev.hybridconf.interpretation.needs.ChannelNeed;
import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.needs.SessionNeeds;
import dev.hybridconf.interpretation.planning.Norms;
import dev.hybridconf.interpretation.planning.StaffingSolution.BoothPlan;
import dev.hybridconf.interpretation.planning.StaffingSolution.SeatPlan;
import dev.hybridconf.interpretation.planning.StaffingSolution.Turn;
import dev.hybridconf.interpretation.plan.PlanStore.Published;
import dev.hybridconf.interpretation.plan.PublishedPlan.Assignment;
import dev.hybridconf.interpretation.plan.PublishedPlan.PublishedBooth;
import dev.hybridconf.interpretation.plan.PublishedPlan.SessionSnapshot;
import dev.hybridconf.interpretation.plan.PublishedPlan.Status;
import dev.hybridconf.interpretation.roster.InterpreterProfile;
import dev.hybridconf.interpretation.roster.Roster;
import dev.hybridconf.interpretation.roster.WorkMode;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.redis.AtomicWrite;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes drafts and records interpreters' answers, each as one compare-and-set of the published plan's revision
 * together with its events (the kit's atomic write: state and outbox in one Lua step). Two publications at once get
 * two versions, one after the other; the one that loses the race reads again and publishes against the winner's
 * state, so nothing is emitted twice or lost.
 *
 * <p>What a publication publishes: every booth the sessions need now, staffed as the draft has it (an interpreter no
 * longer on the roster, or who declined that booth, leaves an empty seat; a booth needed now that the draft lacks is
 * published empty: its channel is not covered; a booth the draft has that is no longer needed is left out). Every
 * filled seat is pinned for the next solves. It emits {@code interpretation.session-interpretation-published.v1} for
 * each session whose interpretation (floor, channels, interpreters with their Zoom e-mail, relay, delivery) differs
 * from what was last emitted for it, including a session that is no longer interpreted (empty lists), and one
 * {@code interpretation.plan-published.v1}.
 *
 * <p>A decline frees the seat in the published plan at once (schedules and coverage show it empty) and starts a
 * replan, but emits nothing: Zoom learns of the change with the next publication, which carries the replan's
 * replacement too (one set-up change instead of two, against Zoom's daily cap).
 */
@Service
class Publications {

    private static final int ATTEMPTS = 50;

    /** What a publication did. */
    record Outcome(long planVersion, Instant publishedAt, int sessionsChanged, int sessions, int seats, int gaps,
            int hardViolations) {
    }

    /** What an answer did. */
    record Answer(String assignmentId, Status status, Instant answeredAt, boolean changed) {
    }

    private final PlanStore store;
    private final PlanKeys keys;
    private final PlanConferences conferences;
    private final SessionNeeds needs;
    private final Roster roster;
    private final Norms norms;
    private final PlanSolves solves;
    private final Clock clock;
    private final MeterRegistry meters;

    Publications(PlanStore store, PlanConferences conferences, SessionNeeds needs, Roster roster, Norms norms,
            PlanSolves solves, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.keys = store.keys();
        this.conferences = conferences;
        this.needs = needs;
        this.roster = roster;
        this.norms = norms;
        this.solves = solves;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Publishes the conference's draft as the next version.
     *
     * @param override publish even though the draft breaks hard rules
     */
    Outcome publish(String conferenceId, boolean override) {
        conferences.require(conferenceId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Published current = store.published(conferenceId);
            Draft draft = store.draft(conferenceId)
                    .orElseThrow(() -> new ConflictException("no-draft", "plan.publish.no-draft", conferenceId));
            if (!override && draft.hardViolations() > 0) {
                throw new ConflictException("hard-violations", "plan.publish.hard-violations", draft.hardViolations());
            }
            List<SessionNeed> sessions = needs.forConference(conferenceId);
            Map<String, InterpreterProfile> people = new HashMap<>();
            roster.forConference(conferenceId).forEach(p -> people.put(p.interpreterId(), p));
            PublishedPlan previous = current.plan().orElse(null);
            Instant now = clock.instant();
            long version = current.version() + 1;
            List<PublishedPlan.DeclineRecord> declines = previous == null ? List.of() : previous.declines();
            List<PublishedBooth> booths = booths(conferenceId, draft, sessions, people, previous);

            Map<String, SessionSnapshot> before = previous == null ? Map.of() : previous.emitted();
            Map<String, SessionSnapshot> now_ = snapshots(sessions, booths, people);
            Map<String, SessionSnapshot> emitted = PublishedPlan.copy(before);
            List<SessionInterpretationPublished> events = new ArrayList<>();
            Set<String> order = new LinkedHashSet<>();
            sessions.forEach(s -> order.add(s.sessionId()));
            order.addAll(before.keySet().stream().sorted().toList());
            Map<String, SessionNeed> byId = new HashMap<>();
            sessions.forEach(s -> byId.put(s.sessionId(), s));
            for (String sessionId : order) {
                SessionSnapshot was = before.get(sessionId);
                SessionSnapshot is = now_.get(sessionId);
                if (Objects.equals(was, is)) {
                    continue;
                }
                if (is == null) {
                    // No longer interpreted (no channel needed, or the session is gone): say so once.
                    SessionNeed live = byId.get(sessionId);
                    List<String> floor = live != null ? live.floorLanguages() : was.floorLanguages();
                    events.add(new SessionInterpretationPublished(sessionId, conferenceId, version, floor, List.of(),
                            List.of()));
                    emitted.remove(sessionId);
                } else {
                    events.add(new SessionInterpretationPublished(sessionId, conferenceId, version,
                            is.floorLanguages(), is.channels(), is.interpreters()));
                    emitted.put(sessionId, is);
                }
            }
            PublishedPlan plan = new PublishedPlan(conferenceId, version, now, draft.id(), booths, declines, emitted);
            int seats = booths.stream().mapToInt(b -> b.seats().size()).sum();
            int gaps = (int) booths.stream().flatMap(b -> b.seats().stream()).filter(s -> !s.filled()).count();
            int interpreted = (int) booths.stream().map(PublishedBooth::sessionId).distinct().count();

            AtomicWrite write = store.redis().atomically();
            store.requireDraft(write, draft, ChangedMeanwhile::new);
            store.writePublished(write, current, plan, ChangedMeanwhile::new);
            events.forEach(write::emit);
            write.emit(new InterpretationPlanPublished(conferenceId, version, interpreted, seats, gaps,
                    draft.hardViolations()));
            try {
                write.execute();
            } catch (ChangedMeanwhile raced) {
                continue;
            }
            meters.counter("interpretation.plan.publications").increment();
            return new Outcome(version, now, events.size(), interpreted, seats, gaps, draft.hardViolations());
        }
        throw new ConflictException("plan-changed", "plan.changed-concurrently");
    }

    /**
     * The interpreter (by their token's subject) accepts or declines their assignment. Answering again as before
     * changes nothing; accepting after declining is refused (the seat was freed). A decline is recorded for ever and
     * starts a replan.
     */
    Answer answer(String conferenceId, String assignmentId, String subject, Status answer) {
        conferences.require(conferenceId);
        if (!isUuid(assignmentId)) {
            throw notFound(assignmentId);
        }
        InterpreterProfile me = roster.byRegistration(conferenceId, subject)
                .orElseThrow(() -> notFound(assignmentId));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Published current = store.published(conferenceId);
            PublishedPlan plan = current.plan().orElseThrow(() -> notFound(assignmentId));
            Assignment seat = plan.assignments().stream().map(Map.Entry::getValue)
                    .filter(a -> a.assignmentId().equals(assignmentId) && me.interpreterId().equals(a.interpreterId()))
                    .findFirst().orElseThrow(() -> notFound(assignmentId));
            if (seat.status() == answer) {
                return new Answer(assignmentId, answer, seat.answeredAt(), false);
            }
            if (seat.status() == Status.DECLINED) {
                throw new ConflictException("assignment-declined", "plan.assignment.declined");
            }
            Instant now = clock.instant();
            AtomicWrite write = store.redis().atomically();
            store.writePublished(write, current, plan.answer(assignmentId, answer, now), ChangedMeanwhile::new);
            if (answer == Status.DECLINED) {
                write.set(keys.replan(conferenceId), now.toString());
            }
            try {
                write.execute();
            } catch (ChangedMeanwhile raced) {
                continue;
            }
            meters.counter("interpretation.plan.answers", "answer", answer.name()).increment();
            if (answer == Status.DECLINED) {
                solves.replanIfAsked(conferenceId);
            }
            return new Answer(assignmentId, answer, now, true);
        }
        throw new ConflictException("plan-changed", "plan.changed-concurrently");
    }

    private List<PublishedBooth> booths(String conferenceId, Draft draft, List<SessionNeed> sessions,
            Map<String, InterpreterProfile> people, PublishedPlan previous) {
        Map<String, BoothPlan> planned = new HashMap<>();
        draft.booths().forEach(b -> planned.put(b.sessionId() + "|" + b.language(), b));
        List<PublishedBooth> booths = new ArrayList<>();
        for (SessionNeed session : sessions) {
            for (ChannelNeed channel : session.channels()) {
                String language = channel.language();
                BoothPlan booth = planned.get(session.sessionId() + "|" + language);
                Optional<PublishedBooth> before = previous == null ? Optional.empty()
                        : previous.booth(session.sessionId(), language);
                int team = booth != null ? booth.teamSize() : norms.teamSize(session.length(), false);
                List<Assignment> seats = new ArrayList<>(team);
                Set<String> seated = new LinkedHashSet<>();
                for (int i = 0; i < team; i++) {
                    String interpreter = booth == null ? null : seatOf(booth, i);
                    if (interpreter != null && (!people.containsKey(interpreter) || seated.contains(interpreter)
                            || previous != null && previous.declined(session.sessionId(), language, interpreter))) {
                        interpreter = null;
                    }
                    String id = PublishedPlan.assignmentId(conferenceId, session.sessionId(), language, i);
                    Assignment was = before.flatMap(b -> b.seats().stream().filter(s -> s.assignmentId().equals(id))
                            .findFirst()).orElse(null);
                    if (interpreter == null) {
                        seats.add(new Assignment(id, i, null, null, null));
                    } else {
                        seated.add(interpreter);
                        boolean same = was != null && interpreter.equals(was.interpreterId())
                                && was.status() != Status.DECLINED;
                        seats.add(new Assignment(id, i, interpreter, same ? was.status() : Status.ASSIGNED,
                                same ? was.answeredAt() : null));
                    }
                }
                List<String> sources = booth != null ? booth.sources()
                        : session.floorLanguages().stream().filter(f -> !f.equals(language)).toList();
                List<Turn> turns = booth == null ? List.of()
                        : booth.turns().stream().filter(t -> seated.contains(t.interpreterId())).toList();
                booths.add(new PublishedBooth(session.sessionId(), language, channel.sign(), channel.delivery(),
                        sources, booth == null ? null : booth.relayFrom(), booth != null && booth.givesRelay(),
                        session.start(), session.end(), session.room(), seats, turns));
            }
        }
        return booths;
    }

    private static String seatOf(BoothPlan booth, int seat) {
        return booth.seats().stream().filter(s -> s.seat() == seat).map(SeatPlan::interpreterId)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Each interpreted session's interpretation as its event carries it. */
    static Map<String, SessionSnapshot> snapshots(List<SessionNeed> sessions, List<PublishedBooth> booths,
            Map<String, InterpreterProfile> people) {
        Map<String, SessionSnapshot> snapshots = new LinkedHashMap<>();
        for (SessionNeed session : sessions) {
            List<PublishedBooth> mine = booths.stream().filter(b -> b.sessionId().equals(session.sessionId()))
                    .toList();
            if (mine.isEmpty()) {
                continue;
            }
            List<Channel> channels = new ArrayList<>();
            List<AssignedInterpreter> interpreters = new ArrayList<>();
            for (PublishedBooth booth : mine) {
                channels.add(new Channel(booth.language(), booth.sign(), booth.delivery(), booth.covered(),
                        booth.relayFrom()));
                booth.filled().forEach(seat -> {
                    InterpreterProfile person = people.get(seat.interpreterId());
                    interpreters.add(new AssignedInterpreter(seat.interpreterId(),
                            booth.delivery().onZoom() ? blankToNull(person.zoomEmail()) : null,
                            source(booth, person, session), booth.language(), booth.sign(),
                            person.mode() == WorkMode.REMOTE));
                });
            }
            snapshots.put(session.sessionId(), new SessionSnapshot(session.floorLanguages(), channels, interpreters));
        }
        return snapshots;
    }

    /** What an interpreter listens to: the pivot on relay, else the first source they can work from. */
    private static String source(PublishedBooth booth, InterpreterProfile person, SessionNeed session) {
        if (booth.relayFrom() != null) {
            return booth.relayFrom();
        }
        List<String> sources = booth.sources().isEmpty() ? session.floorLanguages() : booth.sources();
        return sources.stream().filter(s -> person.canInterpret(s, booth.language())).findFirst()
                .orElse(sources.isEmpty() ? booth.language() : sources.get(0));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static boolean isUuid(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equals(text.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static NotFoundException notFound(String assignmentId) {
        return new NotFoundException("plan.assignment.not-found");
    }

    /** The published plan or the draft changed between reading and writing: read again. */
    private static final class ChangedMeanwhile extends ConflictException {

        ChangedMeanwhile() {
            super("plan-changed", "plan.changed-concurrently");
        }
    }
}
