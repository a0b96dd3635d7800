package dev.hybridconf.session.participants;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The conference that participant records and registration events from before conferences were the
 * boundary of registration belong to ({@code DEFAULT_CONFERENCE}, ADR 0015): such an event carries no
 * {@code conferenceId}, such a record has none stored. Empty when the deployment names none: then they
 * belong to no conference and count in no conference's summary.
 */
@Component
class DefaultConference {

    private final String id;

    DefaultConference(@Value("${platform.session.default-conference:}") String id) {
        this.id = id == null || id.isBlank() ? null : id.strip();
    }

    /** The conference an event or record names, or the default one when it names none; null if neither. */
    String or(String conferenceId) {
        return conferenceId == null || conferenceId.isBlank() ? id : conferenceId;
    }

    /** The configured default conference, or null. */
    String id() {
        return id;
    }
}
