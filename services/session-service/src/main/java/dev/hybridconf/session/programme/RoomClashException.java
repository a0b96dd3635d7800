package dev.hybridconf.session.programme;

import dev.hybridconf.kit.errors.ConflictException;

/**
 * An organiser's change would put two sessions in one room at once: 409 naming both, by title (in
 * the reader's language) and time, with their ids ({@link ProgrammeProblemAdvice}). Nothing is written.
 */
class RoomClashException extends ConflictException {

    private final transient ProgrammeRules.RoomClash clash;
    private final String conferenceId;

    RoomClashException(String conferenceId, ProgrammeRules.RoomClash clash) {
        super("room-clash", "session.room-clash");
        this.conferenceId = conferenceId;
        this.clash = clash;
    }

    ProgrammeRules.RoomClash clash() {
        return clash;
    }

    String conferenceId() {
        return conferenceId;
    }
}
