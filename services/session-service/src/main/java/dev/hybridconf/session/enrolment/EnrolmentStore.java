package dev.hybridconf.session.enrolment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.session.SessionEnrolled;
import dev.hybridconf.contracts.session.SessionEnrolmentCancelled;
import dev.hybridconf.contracts.session.SessionEnrolmentPromoted;
import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.session.programme.ProgrammeSession;

/**
 * Reads the enrolment keys ({@link EnrolmentKeys}) and adds the effects of an enrolment change to an
 * {@link AtomicWrite}: the breakout's sorted sets and counter, the participant's index and version,
 * and the event, always together. The callers decide; this class only knows how a decision is written.
 */
@Component
class EnrolmentStore {

    private final RedisStore store;
    private final EnrolmentKeys keys;

    EnrolmentStore(RedisStore store) {
        this.store = store;
        this.keys = new EnrolmentKeys(store);
    }

    AtomicWrite atomically() {
        return store.atomically();
    }

    Optional<EnrolmentStatus> status(String sessionId, String registrationId) {
        if (store.redis().zscore(keys.places(sessionId), registrationId) != null) {
            return Optional.of(EnrolmentStatus.ENROLLED);
        }
        if (store.redis().zscore(keys.waitlist(sessionId), registrationId) != null) {
            return Optional.of(EnrolmentStatus.WAITLISTED);
        }
        return Optional.empty();
    }

    /** The breakouts the participant holds or waits for, with where they stand in each. */
    Map<String, EnrolmentStatus> enrolmentsOf(String registrationId) {
        Map<String, EnrolmentStatus> found = new LinkedHashMap<>();
        for (String sessionId : store.redis().zrange(keys.enrolleeSessions(registrationId), 0, -1)) {
            status(sessionId, registrationId).ifPresent(status -> found.put(sessionId, status));
        }
        return found;
    }

    /** The participant's enrolment version, or null when they never enrolled. */
    String enrolleeVersion(String registrationId) {
        return store.redis().hget(keys.enrollee(registrationId), "version");
    }

    String breakoutVersion(String sessionId) {
        return store.redis().hget(keys.breakout(sessionId), "version");
    }

    /** Places held: the size of the set of holders itself, so the count can never drift from who holds one. */
    long enrolled(String sessionId) {
        return store.redis().zcard(keys.places(sessionId));
    }

    /** Registration ids holding a place, by time enrolled. */
    List<String> places(String sessionId) {
        return new ArrayList<>(store.redis().zrange(keys.places(sessionId), 0, -1));
    }

    /** Registration ids waiting, first to be promoted first. */
    List<String> waitlist(String sessionId) {
        return new ArrayList<>(store.redis().zrange(keys.waitlist(sessionId), 0, -1));
    }

    long waiting(String sessionId) {
        return store.redis().zcard(keys.waitlist(sessionId));
    }

    /** The first {@code count} people waiting, first to be promoted first. */
    List<String> firstWaiting(String sessionId, int count) {
        return new ArrayList<>(store.redis().zrange(keys.waitlist(sessionId), 0, count - 1L));
    }

    // ---- preconditions ------------------------------------------------------------------------

    /** The participant's enrolments are still as read (same version, or still none). */
    void requireEnrollee(AtomicWrite write, String registrationId, String version,
            Supplier<? extends ProblemException> otherwise) {
        if (version == null) {
            write.requireAbsent(keys.enrollee(registrationId), otherwise);
        } else {
            write.requireField(keys.enrollee(registrationId), "version", version, otherwise);
        }
    }

    /** The breakout's enrolments are still as read. */
    void requireBreakout(AtomicWrite write, String sessionId, String version,
            Supplier<? extends ProblemException> otherwise) {
        if (version == null) {
            write.requireAbsent(keys.breakout(sessionId), otherwise);
        } else {
            write.requireField(keys.breakout(sessionId), "version", version, otherwise);
        }
    }

    /** The breakout is not cancelled. */
    void requireOpen(AtomicWrite write, String sessionId, Supplier<? extends ProblemException> otherwise) {
        write.requireAbsent(keys.closed(sessionId), otherwise);
    }

    /** A place is still free (with the holder added by {@link #take} or {@link #promote}, never oversold). */
    void requirePlace(AtomicWrite write, ProgrammeSession session, Supplier<? extends ProblemException> otherwise) {
        if (session.capacity() != null) {
            write.requireSizeBelow(keys.places(session.id()), session.capacity(), otherwise);
        }
    }

    /**
     * Once one holder has left in the same write, a place is free: the places held now (the leaver
     * still among them, as checks run before writes) are at most the capacity. False when the
     * capacity was lowered below the places taken: that place is not handed on.
     */
    void requirePlaceAfterOneLeaves(AtomicWrite write, ProgrammeSession session,
            Supplier<? extends ProblemException> otherwise) {
        if (session.capacity() != null) {
            write.requireSizeBelow(keys.places(session.id()), session.capacity() + 1L, otherwise);
        }
    }

    /** The participant still stands where they were read to stand: holding a place, or waiting. */
    void requireStanding(AtomicWrite write, String sessionId, String registrationId, EnrolmentStatus status,
            Supplier<? extends ProblemException> otherwise) {
        write.requireRanked(status == EnrolmentStatus.ENROLLED ? keys.places(sessionId) : keys.waitlist(sessionId),
                registrationId, otherwise);
    }

    /** The participant neither holds a place in the breakout nor waits for one. */
    void requireNotStanding(AtomicWrite write, String sessionId, String registrationId,
            Supplier<? extends ProblemException> otherwise) {
        write.requireUnranked(keys.places(sessionId), registrationId, otherwise)
                .requireUnranked(keys.waitlist(sessionId), registrationId, otherwise);
    }

    // ---- effects ------------------------------------------------------------------------------

    void take(AtomicWrite write, ProgrammeSession session, String registrationId, long now, String mode) {
        write.zadd(keys.places(session.id()), now, registrationId);
        indexed(write, session, registrationId);
        write.emit(new SessionEnrolled(session.id(), session.conferenceId(), registrationId,
                EnrolmentStatus.ENROLLED.name(), mode));
    }

    void waitFor(AtomicWrite write, ProgrammeSession session, String registrationId, long now, String mode) {
        write.zadd(keys.waitlist(session.id()), now, registrationId);
        indexed(write, session, registrationId);
        write.emit(new SessionEnrolled(session.id(), session.conferenceId(), registrationId,
                EnrolmentStatus.WAITLISTED.name(), mode));
    }

    /**
     * Takes the participant off the breakout (their place given back, or their waiting-list entry
     * removed); the caller decides whether the freed place goes to someone waiting.
     */
    void release(AtomicWrite write, ProgrammeSession session, String registrationId, EnrolmentStatus status,
            String reason) {
        String sessionId = session.id();
        if (status == EnrolmentStatus.ENROLLED) {
            write.zrem(keys.places(sessionId), registrationId);
        } else {
            write.zrem(keys.waitlist(sessionId), registrationId);
        }
        write.hincrBy(keys.breakout(sessionId), "version", 1)
                .zrem(keys.enrolleeSessions(registrationId), sessionId)
                .hincrBy(keys.enrollee(registrationId), "version", 1)
                .emit(new SessionEnrolmentCancelled(sessionId, session.conferenceId(), registrationId, status.name(),
                        status == EnrolmentStatus.ENROLLED, reason));
    }

    /**
     * Moves the first person waiting to a place; the caller guards that they still wait
     * ({@link #requireStanding}), their version, and that a place is free.
     */
    void promote(AtomicWrite write, ProgrammeSession session, String registrationId, long now, String mode) {
        String sessionId = session.id();
        write.zrem(keys.waitlist(sessionId), registrationId)
                .zadd(keys.places(sessionId), now, registrationId)
                .hincrBy(keys.breakout(sessionId), "version", 1)
                .hincrBy(keys.enrollee(registrationId), "version", 1)
                .emit(new SessionEnrolmentPromoted(sessionId, session.conferenceId(), registrationId, mode));
    }

    /** A cancelled breakout: everyone released, no more enrolments until it is scheduled again. */
    void close(AtomicWrite write, ProgrammeSession session, List<String> places, List<String> waiting, String reason) {
        String sessionId = session.id();
        write.set(keys.closed(sessionId), "1");
        places.forEach(id -> unindex(write, sessionId, id, EnrolmentStatus.ENROLLED, session, reason));
        waiting.forEach(id -> unindex(write, sessionId, id, EnrolmentStatus.WAITLISTED, session, reason));
        write.delete(keys.places(sessionId)).delete(keys.waitlist(sessionId))
                .hincrBy(keys.breakout(sessionId), "version", 1);
    }

    void reopen(AtomicWrite write, String sessionId) {
        write.delete(keys.closed(sessionId));
    }

    /** Erasure: nothing about the participant's enrolments remains. */
    void forget(AtomicWrite write, String registrationId) {
        write.delete(keys.enrollee(registrationId)).delete(keys.enrolleeSessions(registrationId));
    }

    private void unindex(AtomicWrite write, String sessionId, String registrationId, EnrolmentStatus status,
            ProgrammeSession session, String reason) {
        write.zrem(keys.enrolleeSessions(registrationId), sessionId)
                .hincrBy(keys.enrollee(registrationId), "version", 1)
                .emit(new SessionEnrolmentCancelled(sessionId, session.conferenceId(), registrationId, status.name(),
                        status == EnrolmentStatus.ENROLLED, reason));
    }

    private void indexed(AtomicWrite write, ProgrammeSession session, String registrationId) {
        write.hincrBy(keys.breakout(session.id()), "version", 1)
                .zadd(keys.enrolleeSessions(registrationId), session.start().toEpochMilli(), session.id())
                .hincrBy(keys.enrollee(registrationId), "version", 1);
    }
}
