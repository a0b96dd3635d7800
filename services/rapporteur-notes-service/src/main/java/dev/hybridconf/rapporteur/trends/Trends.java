package dev.hybridconf.rapporteur.trends;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The stored analyses. */
public interface Trends {

    Optional<StoredTrends> day(String conferenceId, LocalDate day);

    /** Every analysed day of the conference, by day. */
    List<StoredTrends> conference(String conferenceId);
}
