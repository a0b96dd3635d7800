package dev.hybridconf.session.enrolment;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.session.participants.ParticipantDirectory;
import dev.hybridconf.session.participants.ParticipantView;
import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.session.programme.ProgrammeStore;
import dev.hybridconf.session.programme.SessionKind;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A participant's own enrolment commands, and promotion from the waiting lists.
 *
 * <p>Each change is decided on what was read and written in one {@link AtomicWrite} guarded by the
 * participant's enrolment version (no two changes of theirs interleave, so the overlap rule holds),
 * by where each person it moves stands (still waiting, still holding a place), by the participant
 * being approved, by the breakout being open, and when a place is taken by the size of the set of
 * holders staying below the capacity in the same step, so a breakout is never oversold and the
 * places counted are always the people holding one, however many replicas write. A decision made
 * on a state that moved meanwhile writes nothing and is decided again.
 */
@Service
class Enrolments {

    private static final Logger log = LoggerFactory.getLogger(Enrolments.class);

    /** Enough for a burst of parallel enrolments: a lost race costs one re-read, never a place. */
    static final int ATTEMPTS = 25;

    static final String RETRY = "enrolment-changed-concurrently";

    private final EnrolmentStore store;
    private final ProgrammeStore programme;
    private final ParticipantDirectory participants;
    private final Clock clock;
    private final MeterRegistry meters;

    Enrolments(EnrolmentStore store, ProgrammeStore programme, ParticipantDirectory participants, Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.programme = programme;
        this.participants = participants;
        this.clock = clock;
        this.meters = meters;
    }

    /** What an enrolment request ended in; {@code changed} is false when it was already so. */
    record Result(ProgrammeSession session, String registrationId, EnrolmentStatus status, boolean changed) {
    }

    /**
     * Enrols the participant in a breakout: a place if one is free, else the waiting list. Asking
     * again changes nothing.
     */
    Result enrol(String sessionId, String registrationId) {
        for (int attempt = 1; ; attempt++) {
            ProgrammeSession session = openBreakout(sessionId);
            ParticipantView participant = approved(registrationId);
            if (!session.conferenceId().equals(participant.conferenceId())) {
                // A registration is for one conference; a breakout of another is not theirs to take.
                throw new EnrolmentForbiddenException("enrolment.other-conference", session.conferenceId());
            }
            Optional<EnrolmentStatus> current = store.status(sessionId, registrationId);
            if (current.isPresent()) {
                return new Result(session, registrationId, current.get(), false);
            }
            String version = store.enrolleeVersion(registrationId);
            refuseOverlap(session, registrationId);
            boolean placeFree = session.capacity() == null || store.enrolled(sessionId) < session.capacity();
            AtomicWrite write = store.atomically();
            store.requireEnrollee(write, registrationId, version, Enrolments::retry);
            store.requireNotStanding(write, sessionId, registrationId, Enrolments::retry);
            store.requireOpen(write, sessionId, Enrolments::retry);
            // Cancelled or erased since it was read: decided again, and refused then.
            participants.requireApproved(write, registrationId, Enrolments::retry);
            long now = clock.millis();
            if (placeFree) {
                store.requirePlace(write, session, Enrolments::retry);
                store.take(write, session, registrationId, now, participant.attendanceMode());
            } else {
                store.waitFor(write, session, registrationId, now, participant.attendanceMode());
            }
            try {
                write.execute();
            } catch (ConflictException e) {
                if (!RETRY.equals(e.slug()) || attempt >= ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            EnrolmentStatus status = placeFree ? EnrolmentStatus.ENROLLED : EnrolmentStatus.WAITLISTED;
            meters.counter("enrolment.changes", "type", status.name().toLowerCase()).increment();
            if (!placeFree) {
                // A place may have freed between the read and the write: give it to the head of the list now.
                promoteWhilePlacesFree(sessionId);
                status = store.status(sessionId, registrationId).orElse(status);
            }
            return new Result(session, registrationId, status, true);
        }
    }

    /**
     * Takes the participant off a breakout. A place they held goes, in the same step, to the first
     * person waiting. Leaving a breakout one is not in changes nothing.
     *
     * @return whether anything changed
     */
    boolean leave(String sessionId, String registrationId) {
        ProgrammeSession session = programme.session(sessionId)
                .orElseThrow(() -> new NotFoundException("session.not-found", sessionId));
        for (int attempt = 1; ; attempt++) {
            String version = store.enrolleeVersion(registrationId);
            Optional<EnrolmentStatus> current = store.status(sessionId, registrationId);
            if (current.isEmpty()) {
                return false;
            }
            AtomicWrite write = store.atomically();
            store.requireEnrollee(write, registrationId, version, Enrolments::retry);
            store.requireStanding(write, sessionId, registrationId, current.get(), Enrolments::retry);
            store.release(write, session, registrationId, current.get(), "LEFT");
            if (current.get() == EnrolmentStatus.ENROLLED) {
                handOn(write, session, registrationId, Enrolments::retry);
            }
            try {
                write.execute();
            } catch (ConflictException e) {
                if (!RETRY.equals(e.slug()) || attempt >= ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            meters.counter("enrolment.changes", "type", "left").increment();
            if (current.get() == EnrolmentStatus.ENROLLED) {
                // The place was not handed on when the capacity looked lowered, or the list looked empty
                // while someone was joining it: whoever waits gets it now, not at the next sweep.
                promoteWhilePlacesFree(sessionId);
            }
            return true;
        }
    }

    /**
     * Adds to {@code write} the promotion of the first person waiting for the place that
     * {@code leaving} gives back in the same write (the count stays: one out, one in), if the
     * breakout has room once they are gone and is still scheduled.
     *
     * @return the promoted registration id, if any
     */
    Optional<String> handOn(AtomicWrite write, ProgrammeSession session, String leaving,
            Supplier<? extends ProblemException> otherwise) {
        if (!session.scheduled() || session.kind() != SessionKind.BREAKOUT) {
            return Optional.empty();
        }
        if (session.capacity() != null && store.enrolled(session.id()) - 1 >= session.capacity()) {
            return Optional.empty(); // capacity was lowered below the places taken: this place is not handed on
        }
        Optional<Waiting> head = firstWaitingBut(session.id(), leaving);
        head.ifPresent(next -> {
            // Each guard is what this decision was made on: the person still waits (not promoted
            // meanwhile by another leave or the sweep), has not changed since, and a place is free
            // once the leaver is gone. Without the first, a promotion read before another one landed
            // would count the same person twice.
            store.requireStanding(write, session.id(), next.registrationId(), EnrolmentStatus.WAITLISTED, otherwise);
            store.requireEnrollee(write, next.registrationId(), next.version(), otherwise);
            store.requirePlaceAfterOneLeaves(write, session, otherwise);
            store.requireOpen(write, session.id(), otherwise);
            store.promote(write, session, next.registrationId(), clock.millis(), modeOf(next.registrationId()));
        });
        return head.map(Waiting::registrationId);
    }

    /**
     * Gives free places of a breakout to the people waiting, first come first served; used after a
     * waitlisting and by the sweep. Each promotion is its own atomic step, checked against capacity.
     *
     * @return how many were promoted
     */
    int promoteWhilePlacesFree(String sessionId) {
        int promoted = 0;
        int lost = 0;
        while (lost < ATTEMPTS) {
            Optional<ProgrammeSession> found = programme.session(sessionId);
            if (found.isEmpty() || !found.get().scheduled() || found.get().kind() != SessionKind.BREAKOUT) {
                return promoted;
            }
            ProgrammeSession session = found.get();
            Optional<Waiting> head = firstWaitingBut(sessionId, null);
            if (head.isEmpty()
                    || session.capacity() != null && store.enrolled(sessionId) >= session.capacity()) {
                return promoted;
            }
            String next = head.get().registrationId();
            AtomicWrite write = store.atomically();
            store.requireStanding(write, sessionId, next, EnrolmentStatus.WAITLISTED, Enrolments::retry);
            store.requireEnrollee(write, next, head.get().version(), Enrolments::retry);
            store.requireOpen(write, sessionId, Enrolments::retry);
            store.requirePlace(write, session, Enrolments::retry);
            store.promote(write, session, next, clock.millis(), modeOf(next));
            try {
                write.execute();
                promoted++;
                meters.counter("enrolment.changes", "type", "promoted").increment();
            } catch (ConflictException e) {
                if (!RETRY.equals(e.slug())) {
                    throw e;
                }
                lost++;
            }
        }
        log.debug("Breakout {}: promotion lost {} races in a row; the sweep tries again", sessionId, lost);
        return promoted;
    }

    /** The first person waiting, other than {@code except}, with the enrolment version read before them. */
    private Optional<Waiting> firstWaitingBut(String sessionId, String except) {
        for (String waiting : store.firstWaiting(sessionId, 2)) {
            if (!waiting.equals(except)) {
                return Optional.of(new Waiting(waiting, store.enrolleeVersion(waiting)));
            }
        }
        return Optional.empty();
    }

    private record Waiting(String registrationId, String version) {
    }

    private void refuseOverlap(ProgrammeSession session, String registrationId) {
        for (Map.Entry<String, EnrolmentStatus> mine : store.enrolmentsOf(registrationId).entrySet()) {
            if (mine.getKey().equals(session.id())) {
                continue;
            }
            programme.session(mine.getKey())
                    .filter(ProgrammeSession::scheduled)
                    .filter(other -> other.start().isBefore(session.end()) && session.start().isBefore(other.end()))
                    .ifPresent(other -> {
                        throw new OverlapException(other, mine.getValue());
                    });
        }
    }

    private ProgrammeSession openBreakout(String sessionId) {
        ProgrammeSession session = programme.session(sessionId)
                .orElseThrow(() -> new NotFoundException("session.not-found", sessionId));
        if (session.kind() != SessionKind.BREAKOUT) {
            throw new ConflictException("not-a-breakout", "enrolment.not-breakout");
        }
        if (!session.scheduled()) {
            throw new ConflictException("session-cancelled", "enrolment.session-cancelled");
        }
        return session;
    }

    private ParticipantView approved(String registrationId) {
        ParticipantView participant = participants.find(registrationId)
                .orElseThrow(() -> new EnrolmentForbiddenException("enrolment.not-participant"));
        if (!"APPROVED".equals(participant.status())) {
            throw new ConflictException("registration-not-approved", "enrolment.not-approved");
        }
        return participant;
    }

    private String modeOf(String registrationId) {
        return participants.find(registrationId).map(ParticipantView::attendanceMode).orElse(null);
    }

    static ConflictException retry() {
        return new ConflictException(RETRY, "enrolment.changed-concurrently");
    }
}
