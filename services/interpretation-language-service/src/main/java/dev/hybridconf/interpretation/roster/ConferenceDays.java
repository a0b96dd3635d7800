package dev.hybridconf.interpretation.roster;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The days of a conference, once the service knows them (from the programme's conference events): an
 * interpreter's availability must then lie on those days, and a CSV's {@code all} means every one of them.
 *
 * <p>A hook: the roster works without it (while no bean implements it, or while it answers empty, any
 * well-formed day is accepted and {@code all} is refused as unknown). The service's copy of the conferences
 * implements it to have days outside a conference refused.
 */
public interface ConferenceDays {

    /** The conference's days, or empty while the conference is not known. */
    Optional<Set<LocalDate>> of(String conferenceId);
}
