package dev.hybridconf.interpretation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A plan solved by the service's own planner and published, for sweeps that need real plan objects: the calendar
 * feed token and an assignment of the interpreter signed in as {@code subject}. The conference's sessions and roster
 * must already be known to the service (from events and through the roster API).
 */
public final class PublishedPlanSamples {

    private PublishedPlanSamples() {
    }

    /** Answers the path samples {@code assignmentId} and {@code token}. */
    public static Map<String, String> publish(int port, String conferenceId, String subject) {
        PlanApi api = new PlanApi(port, "unused");
        JsonNode solved = api.solve(conferenceId);
        assertThat(solved.get("status").asString()).as(solved.toString()).isEqualTo("DONE");
        HttpResponse<String> published = api.send("POST", PlanApi.plan(conferenceId) + "/publish?override=true",
                api.organiser, null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        String interpreter = api.tokens.token(subject, "interpreter");
        JsonNode schedule = api.ok(api.get("/api/interpretation/me/schedule?conference=" + conferenceId, interpreter));
        assertThat(schedule.get("assignments").size()).as(schedule.toString()).isPositive();
        String assignment = schedule.get("assignments").get(0).get("assignmentId").asString();
        String token = api.ok(api.post("/api/interpretation/me/calendar-token?conference=" + conferenceId, interpreter))
                .get("token").asString();
        return Map.of("assignmentId", assignment, "token", token);
    }
}
