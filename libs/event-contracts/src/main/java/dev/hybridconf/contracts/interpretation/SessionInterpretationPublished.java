package dev.hybridconf.contracts.interpretation;

import java.util.List;

/**
 * A published plan's interpretation of one session: the channels listeners can pick and the
 * interpreters who give them. Emitted for every session of the conference whose interpretation changed
 * with a publication (an empty {@code channels} list means the session is no longer interpreted). A
 * complete snapshot: the consumer replaces what it knew. Interpreters are named by roster id; their
 * Zoom e-mail is the only personal data that travels, and only for those who must be made interpreters
 * in the session's Zoom meeting or webinar.
 *
 * @param planVersion  the published plan's version; a consumer applies only a newer one
 * @param floorLanguages what the speakers use (platform or extra language codes)
 * @param channels     the interpretation channels offered, in the room, on Zoom or both
 * @param interpreters who interprets, into which channel from which language
 */
public record SessionInterpretationPublished(
        String sessionId,
        String conferenceId,
        long planVersion,
        List<String> floorLanguages,
        List<Channel> channels,
        List<AssignedInterpreter> interpreters) implements InterpretationEvent {

    public static final String TYPE = "interpretation.session-interpretation-published.v1";

    public SessionInterpretationPublished {
        floorLanguages = List.copyOf(floorLanguages);
        channels = List.copyOf(channels);
        interpreters = List.copyOf(interpreters);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return sessionId;
    }

    /** Where a channel reaches its listeners. */
    public enum Delivery {
        /** booth headsets in the room only */
        ROOM,
        /** a Zoom interpretation channel only */
        ZOOM,
        /** both: a hybrid session's booth is also a Zoom channel */
        BOTH;

        public boolean onZoom() {
            return this != ROOM;
        }
    }

    /**
     * One channel.
     *
     * @param language     the target language code ({@code en}, {@code fr}, {@code es}, {@code ar}, {@code pt}, or a
     *                     sign language: {@code ils} International Sign, {@code ssp} LSE, {@code fsl} LSF)
     * @param signLanguage whether it is a sign language
     * @param delivery     where listeners receive it
     * @param covered      whether every seat of its booth is filled in the plan
     * @param relayFrom    the pivot language when the booth works from another booth, else null
     */
    public record Channel(String language, boolean signLanguage, Delivery delivery, boolean covered, String relayFrom) {
    }

    /**
     * One interpreter of the session.
     *
     * @param interpreterId  the roster id
     * @param zoomEmail      the e-mail of their Zoom account; null unless the channel is delivered on Zoom
     * @param sourceLanguage the language they listen to (the floor, or the pivot when on relay)
     * @param targetLanguage the channel they give
     * @param signLanguage   whether the target is a sign language
     * @param remote         whether they work remotely (through Zoom) rather than from the room's booth
     */
    public record AssignedInterpreter(String interpreterId, String zoomEmail, String sourceLanguage,
            String targetLanguage, boolean signLanguage, boolean remote) {
    }
}
