/**
 * The interpretation set-up in Zoom, from {@code interpretation.events}: the listener keeps each session's published
 * interpretation (a complete snapshot, only a newer plan version replaces it) in {@code interpretation:desired:*} and
 * marks the session due after a short linger; a worker on every replica, one session at a time under a lease, turns
 * the snapshot into the meeting's {@code settings.language_interpretation} and
 * {@code settings.sign_language_interpretation} and sends them in one update, only when they differ from what was
 * last applied to that meeting (a fingerprint), and not while the host's daily create/update cap is near unless the
 * session starts before the cap resets. New meetings are created with their interpretation
 * ({@link dev.hybridconf.streaming.provisioning.MeetingInterpretation}). The board shows each session's readiness and
 * the join answer its channels, both from Redis only. Interpreters' Zoom e-mails are the only personal data kept
 * here. Interpretation does not work in Zoom breakout rooms: every breakout is a meeting of its own.
 */
package dev.hybridconf.streaming.interpretation;
