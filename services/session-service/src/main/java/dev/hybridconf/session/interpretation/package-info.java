/**
 * What participants may read of the interpretation plan, learned only from {@code interpretation.events}: per
 * session, the channels of the last published plan (language, sign language or not, delivered in the room, on Zoom
 * or both, covered or not) and the plan version they come from. Never the interpreters, their ids or e-mails. The
 * programme's read views merge it through {@link dev.hybridconf.session.programme.InterpretationReader}. Applying an
 * event is idempotent by event id and only a newer plan version replaces what is held, so redelivery, replay and
 * late events change nothing; the view can be rebuilt by replaying the topic.
 */
package dev.hybridconf.session.interpretation;
