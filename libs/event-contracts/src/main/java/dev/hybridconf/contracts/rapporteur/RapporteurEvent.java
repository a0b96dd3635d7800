package dev.hybridconf.contracts.rapporteur;

import dev.hybridconf.contracts.EventPayload;

/**
 * Events of the rapporteurs' day summaries. Keyed by {@code <conferenceId>:<day>} (the summary of one day), so the
 * versions of one day's summary stay in order.
 */
public sealed interface RapporteurEvent extends EventPayload permits SummaryPublished {

    String conferenceId();
}
