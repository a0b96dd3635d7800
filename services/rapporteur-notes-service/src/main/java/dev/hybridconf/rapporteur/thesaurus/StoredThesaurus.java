package dev.hybridconf.rapporteur.thesaurus;

import java.time.Instant;
import java.util.List;

import dev.hybridconf.rapporteur.analysis.Concept;
import dev.hybridconf.rapporteur.analysis.Thesaurus;

/**
 * A conference's thesaurus as kept, with who changed it last.
 *
 * @param version   0 when none was ever loaded; +1 per change
 * @param updatedAt null when none
 * @param updatedBy the organiser's subject, {@code demo-loader} for a demo thesaurus, null when none
 */
record StoredThesaurus(String conferenceId, long version, List<Concept> concepts, Instant updatedAt, String updatedBy) {

    Thesaurus thesaurus() {
        return new Thesaurus(version, concepts);
    }

    String etag() {
        return "\"" + version + "\"";
    }
}
