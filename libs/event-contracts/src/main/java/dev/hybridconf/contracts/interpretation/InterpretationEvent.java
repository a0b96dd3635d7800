package dev.hybridconf.contracts.interpretation;

import dev.hybridconf.contracts.EventPayload;

/**
 * Events of the interpretation plan. Per-session events are keyed by the session id so one session's
 * set-up stays in order; the plan's own events are keyed by the conference id.
 */
public sealed interface InterpretationEvent extends EventPayload
        permits SessionInterpretationPublished, InterpretationPlanPublished {

    String conferenceId();
}
