package dev.hybridconf.rapporteur.corpus;

import java.time.Instant;

/**
 * A breakout's lock decision as {@code session.conclusions-lock-changed.v1} last said it.
 *
 * @param lockAt   when the conclusions lock, or null (open until a decision)
 * @param source   why: {@code WRAP_UP}, {@code CONFERENCE_END}, {@code DAY}, {@code BREAKOUT} (a time set for the
 *                 breakout), {@code LOCKED},
 *                 {@code UNLOCKED}, or null before any decision was heard
 * @param relockAt after an organiser's unlock, when it locks again, or null
 */
public record LockState(Instant lockAt, String source, Instant relockAt) {

    public static final LockState OPEN = new LockState(null, null, null);

    public boolean lockedAt(Instant now) {
        return lockAt != null && !now.isBefore(lockAt);
    }
}
