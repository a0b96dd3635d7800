package dev.hybridconf.rapporteur.summary;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What rapporteurs published, for readers: never a draft. */
public interface PublishedSummaries {

    /** Every published version of every day of the conference, by day then version. */
    List<PublishedVersion> all(String conferenceId);

    Optional<PublishedVersion> latest(String conferenceId, LocalDate day);

    Optional<PublishedVersion> version(String conferenceId, LocalDate day, int version);
}
