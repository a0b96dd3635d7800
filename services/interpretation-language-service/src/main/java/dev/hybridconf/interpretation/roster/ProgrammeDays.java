package dev.hybridconf.interpretation.roster;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import dev.hybridconf.interpretation.needs.SessionNeeds;

/**
 * A conference's days as the service's copy of the programme knows them (from {@code conference.published.v1} and
 * {@code conference.updated.v1}): once known, availability outside them is refused and a CSV's {@code all} means them.
 */
@Component
class ProgrammeDays implements ConferenceDays {

    private final SessionNeeds needs;

    ProgrammeDays(SessionNeeds needs) {
        this.needs = needs;
    }

    @Override
    public Optional<Set<LocalDate>> of(String conferenceId) {
        return needs.days(conferenceId).map(TreeSet::new);
    }
}
