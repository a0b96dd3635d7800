package dev.hybridconf.interpretation.plan;

import java.util.Map;

/**
 * A published plan for the hostile-input sweep: the fixture conference {@code hostile-plan}, solved and published,
 * with Diego (Spanish booth of the plenary) signing in as the sweep's token subject, and a calendar feed address of
 * his. Answers the path samples of the plan's endpoints.
 */
public final class PlanSamples {

    public static final String CONFERENCE = "hostile-plan";

    private PlanSamples() {
    }

    public static Map<String, String> seed(int port, FixedSessionNeeds needs, FixedRoster roster, String subject) {
        PlanFixture fixture = new PlanFixture(CONFERENCE).signingInAs("diego", subject).install(needs, roster);
        PlanApi api = new PlanApi(port, "unused");
        api.solve(CONFERENCE);
        api.publish(CONFERENCE);
        String token = api.ok(api.post("/api/interpretation/me/calendar-token?conference=" + CONFERENCE,
                api.tokens.token(subject, "interpreter"))).get("token").asString();
        return Map.of("conferenceId", CONFERENCE, "interpreterId", fixture.interpreter("diego"), "assignmentId",
                fixture.assignment(fixture.plenary, "es", 1), "token", token);
    }
}
