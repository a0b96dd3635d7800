package dev.hybridconf.contracts.session;

import java.util.Map;

import dev.hybridconf.contracts.EventPayload;

/** Every event about one conference (its details and days); the aggregate id is the conference id. */
public sealed interface ConferenceEvent extends EventPayload permits ConferencePublished, ConferenceUpdated {

    String conferenceId();

    /** The programme version this change created; a consumer ignores a snapshot older than the one it holds. */
    long programmeVersion();

    /** The conference's name by language code. */
    Map<String, String> name();

    /** IANA zone of the conference. */
    String timeZone();

    /** Whether registering for the conference needs an invitation. */
    boolean invitationOnly();

    /** Places per attendance mode and the registration window. */
    RegistrationTerms registration();

    @Override
    default String aggregateId() {
        return conferenceId();
    }
}
