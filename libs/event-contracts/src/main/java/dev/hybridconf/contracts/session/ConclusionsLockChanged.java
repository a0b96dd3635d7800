package dev.hybridconf.contracts.session;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When a breakout's conclusions lock changed: an organiser locked, unlocked or timed them (the breakout or its whole
 * day), or a programme change (the breakout or the wrap-up reporting on it scheduled, moved or cancelled) moved the
 * lock. Emitted only when {@code (lockAt, source, relockAt)} differs from what was last announced, so a consumer
 * keeps the latest one per session. No event marks the moment a lock time passes: a consumer computes
 * {@code locked = lockAt != null && now >= lockAt} itself.
 *
 * @param day       the breakout's conference day (its start's date in the conference zone)
 * @param lockAt    when the conclusions lock (or locked) under the current decision; null when an organiser unlocked
 *                  them with no re-lock time
 * @param source    where {@code lockAt} comes from: {@code LOCKED} (an organiser locked them), {@code UNLOCKED} (an
 *                  organiser unlocked them), {@code BREAKOUT} (a lock time set for the breakout), {@code DAY} (a lock
 *                  time set for its day), {@code WRAP_UP} (the start of the wrap-up reporting on it),
 *                  {@code CONFERENCE_END} (midnight after the conference's last day)
 * @param relockAt  after an organiser's unlock, when they lock again (null when never, or not unlocked)
 * @param changedBy the organiser's token subject, or null when the programme moved the decision
 * @param changedAt when the change was made
 */
public record ConclusionsLockChanged(
        String sessionId,
        String conferenceId,
        LocalDate day,
        Instant lockAt,
        String source,
        Instant relockAt,
        String changedBy,
        Instant changedAt) implements SessionActivityEvent {

    public static final String TYPE = "session.conclusions-lock-changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
