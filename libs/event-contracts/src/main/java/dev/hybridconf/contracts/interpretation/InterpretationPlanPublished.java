package dev.hybridconf.contracts.interpretation;

/**
 * An organiser published a conference's interpretation plan; the per-session events of this version
 * follow on their own keys.
 *
 * @param planVersion the published version (1, 2, ...)
 * @param sessions    sessions with at least one channel
 * @param seats       seats the plan needs (booth places over all sessions)
 * @param gaps        seats left empty
 * @param hardViolations rules broken (0 for a plan an organiser may publish without overriding)
 */
public record InterpretationPlanPublished(String conferenceId, long planVersion, int sessions, int seats, int gaps,
        int hardViolations) implements InterpretationEvent {

    public static final String TYPE = "interpretation.plan-published.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return conferenceId;
    }
}
