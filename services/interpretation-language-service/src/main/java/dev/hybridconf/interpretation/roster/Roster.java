package dev.hybridconf.interpretation.roster;

import java.util.List;
import java.util.Optional;

/** A conference's interpreter roster, as the planner and the views read it. */
public interface Roster {

    /** Everyone on the conference's roster, ordered by name then id. */
    List<InterpreterProfile> forConference(String conferenceId);

    Optional<InterpreterProfile> find(String conferenceId, String interpreterId);

    /** The roster entry a signed-in interpreter (token subject = registration id) is, in that conference. */
    Optional<InterpreterProfile> byRegistration(String conferenceId, String registrationId);
}
