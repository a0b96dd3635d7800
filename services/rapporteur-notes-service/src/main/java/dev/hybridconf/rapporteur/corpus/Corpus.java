package dev.hybridconf.rapporteur.corpus;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The breakouts' conclusions as kept from {@code session.conclusion-posted.v1}: every revision, and the current one. */
public interface Corpus {

    /** The current revision of each breakout of the day that is scheduled (not cancelled) on it, by session id. */
    List<Conclusion> day(String conferenceId, LocalDate day);

    /** Days of the conference with at least one conclusion, ascending. */
    List<LocalDate> daysWithConclusions(String conferenceId);

    Optional<Conclusion> current(String sessionId);

    /** Every revision kept of a breakout's conclusion, oldest first. */
    List<Conclusion> revisions(String sessionId);

    /**
     * A counter that moves once per effective change of the day's corpus (a new revision, a lock decision changed,
     * a breakout moved in or out); a replay or a duplicate does not move it. 0 when nothing was ever kept.
     */
    long version(String conferenceId, LocalDate day);
}
