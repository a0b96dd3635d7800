package dev.hybridconf.contracts.session;

import dev.hybridconf.contracts.EventPayload;

/** Every event about one conference (its details and days); the aggregate id is the conference id. */
public sealed interface ConferenceEvent extends EventPayload permits ConferencePublished, ConferenceUpdated {

    String conferenceId();

    /** The programme version this change created; a consumer ignores a snapshot older than the one it holds. */
    long programmeVersion();

    @Override
    default String aggregateId() {
        return conferenceId();
    }
}
