package dev.hybridconf.session.enrolment;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.session.participants.ParticipantHook;
import dev.hybridconf.session.programme.ProgrammeHook;
import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.session.programme.ProgrammeStore;

/**
 * How enrolments follow the programme and the participants, inside their atomic writes.
 *
 * <ul>
 * <li>A breakout cancelled: every enrolment and waiting-list entry is released, one
 * {@code session.enrolment-cancelled.v1} per participant (reason {@code SESSION_CANCELLED}), and
 * the breakout is closed to enrolment until it is scheduled again (then it starts empty). The write
 * is guarded by the breakout's enrolment version, so an enrolment landing meanwhile makes the
 * programme change decide again rather than leave someone in a cancelled breakout.</li>
 * <li>A breakout moved, or its capacity changed: enrolments are kept as they are. A move that makes
 * two of someone's breakouts overlap keeps both (their agenda marks them {@code overlapsAnother});
 * they leave one themselves. A capacity lowered below the places taken takes nobody's place: freed
 * places are not handed on until the count is below it. A capacity raised is filled from the waiting
 * list by the sweep.</li>
 * <li>A participant erased, or their registration cancelled with its place: their places and
 * waiting-list entries go in the same step as the registration event, each freed place handed to
 * the first person waiting (reason {@code PARTICIPANT_ERASED} or {@code REGISTRATION_CANCELLED});
 * an erasure also deletes their enrolment keys.</li>
 * </ul>
 */
@Component
class EnrolmentHooks implements ProgrammeHook, ParticipantHook {

    private final EnrolmentStore store;
    private final Enrolments enrolments;
    private final ProgrammeStore programme;

    EnrolmentHooks(EnrolmentStore store, Enrolments enrolments, ProgrammeStore programme) {
        this.store = store;
        this.enrolments = enrolments;
        this.programme = programme;
    }

    @Override
    public void sessionChanging(ProgrammeSession before, ProgrammeSession after, AtomicWrite write) {
        if (before == null) {
            return;
        }
        if (before.scheduled() && !after.scheduled()) {
            String sessionId = after.id();
            store.requireBreakout(write, sessionId, store.breakoutVersion(sessionId),
                    EnrolmentHooks::programmeChangedConcurrently);
            List<String> places = store.places(sessionId);
            List<String> waiting = store.waitlist(sessionId);
            store.close(write, after, places, waiting, "SESSION_CANCELLED");
        } else if (!before.scheduled() && after.scheduled()) {
            store.reopen(write, after.id());
        }
    }

    @Override
    public void erasing(String registrationId, AtomicWrite write) {
        releaseAll(registrationId, "PARTICIPANT_ERASED", write);
        store.forget(write, registrationId);
    }

    @Override
    public void placeReleased(String registrationId, AtomicWrite write) {
        releaseAll(registrationId, "REGISTRATION_CANCELLED", write);
    }

    private void releaseAll(String registrationId, String reason, AtomicWrite write) {
        // The version first: whatever changes their enrolments after it was read fails the write.
        String version = store.enrolleeVersion(registrationId);
        Map<String, EnrolmentStatus> held = store.enrolmentsOf(registrationId);
        if (held.isEmpty()) {
            return; // an enrolment landing meanwhile is refused by its own check that they are approved
        }
        // A concurrent change of theirs or of someone promoted fails the registration event's write;
        // the listener decides again on what it reads then.
        store.requireEnrollee(write, registrationId, version, Enrolments::retry);
        held.forEach((sessionId, status) -> programme.session(sessionId).ifPresent(session -> {
            store.requireStanding(write, sessionId, registrationId, status, Enrolments::retry);
            store.release(write, session, registrationId, status, reason);
            if (status == EnrolmentStatus.ENROLLED) {
                enrolments.handOn(write, session, registrationId, Enrolments::retry);
            }
        }));
    }

    private static ConflictException programmeChangedConcurrently() {
        // The slug the programme service decides again on.
        return new ConflictException("programme-changed-concurrently", "programme.changed-concurrently");
    }
}
