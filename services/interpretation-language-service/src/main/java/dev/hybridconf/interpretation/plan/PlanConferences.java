package dev.hybridconf.interpretation.plan;

import java.time.ZoneId;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.hybridconf.interpretation.needs.SessionNeeds;
import dev.hybridconf.kit.errors.NotFoundException;

/**
 * The conferences a plan can be made for: those the service has seen published (their time zone is known). An id
 * that cannot be a conference's ({@code ^[a-z0-9][a-z0-9-]{1,62}$}) is not looked up at all.
 */
@Component
class PlanConferences {

    static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");

    private final SessionNeeds needs;

    PlanConferences(SessionNeeds needs) {
        this.needs = needs;
    }

    /** The conference's zone; 404 for an id that is no conference's. */
    ZoneId require(String conferenceId) {
        if (conferenceId == null || !ID.matcher(conferenceId).matches()) {
            throw notFound(conferenceId);
        }
        return needs.timeZone(conferenceId).orElseThrow(() -> notFound(conferenceId));
    }

    private static NotFoundException notFound(String conferenceId) {
        return new NotFoundException("plan.conference.not-found",
                conferenceId == null ? "" : conferenceId.length() > 64 ? conferenceId.substring(0, 64) : conferenceId);
    }
}
