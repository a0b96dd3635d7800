package dev.hybridconf.contracts.streaming;

/**
 * One synchronisation of a session's Zoom registrants with the participants who may attend it
 * finished: who was added and who was cancelled in this pass, and how many are registered now.
 *
 * @param added      participants registered in this pass (their personal join links are ready)
 * @param cancelled  registrants cancelled in this pass (cancelled or erased registrations, left breakouts)
 * @param registered participants registered in the meeting after this pass
 * @param calls      registrant calls made to Zoom in this pass (batches of at most 30)
 */
public record RegistrantsSynced(
        String sessionId,
        String meetingId,
        int added,
        int cancelled,
        int registered,
        int calls) implements StreamingEvent {

    public static final String TYPE = "streaming.registrants-synced.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
