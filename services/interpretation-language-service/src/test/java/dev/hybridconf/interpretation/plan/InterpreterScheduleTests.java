package dev.hybridconf.interpretation.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.planning.StaffingProblem;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.TestTokens;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import tools.jackson.databind.JsonNode;

/**
 * Interpreters and the published plan, on a real Redis and Kafka: each reads their own schedule (partners, booth or
 * Zoom, turns, answer) and nobody else's but organisers; only an assignment's interpreter answers it; a decline frees
 * the seat, is recorded, and replans without them, the replacement reaching Zoom with the next publication; published
 * seats are pinned on every later solve; the schedule's calendar feed opens with its private address alone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "platform.public-base-url=https://conference.example.org/hybridconf/")
class InterpreterScheduleTests extends PlanServiceTest {

    @Autowired
    TestPlanner planner;

    @BeforeEach
    void publishedPlan() {
        newConference("sched");
        api.solve(fixture.conferenceId);
        api.publish(fixture.conferenceId);
    }

    private String me(String key) {
        return "/api/interpretation/me/schedule?conference=" + fixture.conferenceId;
    }

    private String answer(String assignmentId, String what) {
        return "/api/interpretation/conferences/" + fixture.conferenceId + "/assignments/" + assignmentId + "/" + what;
    }

    @Test
    void anInterpreterReadsTheirScheduleWithPartnersBoothOrZoomTurnsAndAnswer() {
        JsonNode diego = api.ok(api.get(me("diego"), api.interpreter(fixture, "diego"), "Accept-Language", "fr"));

        assertThat(diego.get("interpreterId").asString()).isEqualTo(fixture.interpreter("diego"));
        assertThat(diego.get("planVersion").asLong()).isEqualTo(1);
        assertThat(diego.get("assignments")).hasSize(1);
        JsonNode plenary = diego.get("assignments").get(0);
        assertThat(plenary.get("assignmentId").asString()).isEqualTo(fixture.assignment(fixture.plenary, "es", 1));
        assertThat(plenary.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(plenary.get("title").asString()).isEqualTo("Financing local action (fr)");
        assertThat(plenary.get("start").asString()).isEqualTo("2021-02-16T09:00:00+01:00");
        assertThat(plenary.get("where").asString()).isEqualTo("BOOTH");
        assertThat(plenary.get("room").asString()).isEqualTo("Auditorium");
        assertThat(plenary.get("languageName").asString()).isEqualTo("espagnol");
        assertThat(plenary.get("sources")).extracting(JsonNode::asString).containsExactly("en");
        assertThat(plenary.get("partners")).extracting(p -> p.get("name").asString()).containsExactly("Carmen Ruiz");
        assertThat(plenary.get("turns")).hasSize(3);
        assertThat(plenary.get("turns").get(0).get("from").asString()).isEqualTo("2021-02-16T09:00:00+01:00");
        assertThat(plenary.get("turns").get(1).get("name").asString()).isEqualTo("Diego Herrera");

        JsonNode emma = api.ok(api.get(me("emma"), api.interpreter(fixture, "emma")));
        assertThat(emma.get("assignments").get(0).get("where").asString()).as("remote").isEqualTo("ZOOM");
        assertThat(emma.get("assignments").get(0).get("partners")).as("the other seat is a gap").isEmpty();

        JsonNode accepted = api.ok(api.post(answer(plenary.get("assignmentId").asString(), "accept"),
                api.interpreter(fixture, "diego")));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(api.ok(api.get(me("diego"), api.interpreter(fixture, "diego"))).get("assignments").get(0)
                .get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(api.ok(api.post(answer(plenary.get("assignmentId").asString(), "accept"),
                api.interpreter(fixture, "diego"))).get("changed").asBoolean()).as("answered again").isFalse();
        api.publish(fixture.conferenceId);
        assertThat(api.ok(api.get(me("diego"), api.interpreter(fixture, "diego"))).get("assignments").get(0)
                .get("status").asString()).as("kept by a publication that keeps the seat").isEqualTo("ACCEPTED");
    }

    @Test
    void nobodyButTheInterpreterAndOrganisersReadsASchedule() {
        String carmens = "/api/interpretation/conferences/" + fixture.conferenceId + "/interpreters/"
                + fixture.interpreter("carmen") + "/schedule";

        assertThat(api.get(carmens, api.interpreter(fixture, "carmen")).statusCode()).isEqualTo(200);
        assertThat(api.get(carmens, api.organiser).statusCode()).isEqualTo(200);
        assertThat(api.ok(api.get(carmens, api.organiser)).get("assignments")).hasSize(1);
        HttpResponse<String> diego = api.get(carmens, api.interpreter(fixture, "diego"), "Accept-Language", "es");
        assertThat(diego.statusCode()).isEqualTo(404);
        assertThat(api.read(diego).get("detail").asString()).isEqualTo("No existe tal programa de intérprete.");
        assertThat(api.get(carmens, api.tokens.participant()).statusCode()).isEqualTo(404);
        assertThat(api.get(carmens, TestTokens.shared().token(fixture.registration("carmen"), "participant"))
                .statusCode()).as("their own, as a participant too").isEqualTo(200);
        assertThat(api.get("/api/interpretation/conferences/" + fixture.conferenceId + "/interpreters/nobody/schedule",
                api.organiser).statusCode()).isEqualTo(404);
        assertThat(api.get(me("x"), api.tokens.participant()).statusCode()).isEqualTo(403);
        assertThat(api.get(me("x"), api.tokens.token(UUID.randomUUID().toString(), "interpreter")).statusCode())
                .as("an interpreter not on this roster").isEqualTo(404);
        HttpResponse<String> noConference = api.get("/api/interpretation/me/schedule",
                api.interpreter(fixture, "carmen"), "Accept-Language", "fr");
        assertThat(noConference.statusCode()).isEqualTo(400);
        assertThat(api.read(noConference).get("errors").get(0).get("field").asString()).isEqualTo("conference");
        assertThat(api.get(carmens, null).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyTheAssignmentsInterpreterAnswersIt() {
        String diegos = fixture.assignment(fixture.plenary, "es", 1);

        assertThat(api.post(answer(diegos, "decline"), api.interpreter(fixture, "carmen")).statusCode())
                .isEqualTo(404);
        assertThat(api.post(answer(diegos, "accept"), api.organiser).statusCode()).isEqualTo(403);
        assertThat(api.post(answer(UUID.randomUUID().toString(), "accept"), api.interpreter(fixture, "diego"))
                .statusCode()).isEqualTo(404);
        assertThat(api.post(answer("not-an-id", "accept"), api.interpreter(fixture, "diego")).statusCode())
                .isEqualTo(404);
        assertThat(api.post(answer(fixture.assignment(fixture.online, "en", 1), "accept"),
                api.interpreter(fixture, "diego")).statusCode()).as("an empty seat").isEqualTo(404);
        assertThat(api.ok(api.get(me("diego"), api.interpreter(fixture, "diego"))).get("assignments").get(0)
                .get("status").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void aDeclineFreesTheSeatIsRecordedAndReplansWithoutThem() {
        String diegos = fixture.assignment(fixture.plenary, "es", 1);
        // Someone able to replace Diego in the plenary's Spanish booth joins the roster.
        List<dev.hybridconf.interpretation.roster.InterpreterProfile> more = new ArrayList<>(fixture.interpreters);
        more.add(new dev.hybridconf.interpretation.roster.InterpreterProfile(fixture.interpreter("hugo"),
                fixture.conferenceId, fixture.registration("hugo"), "Hugo Sánchez", "hugo@interpreters.example.org",
                "hugo@zoom.example.org", List.of(new dev.hybridconf.interpretation.roster.LanguageSkill("es",
                        dev.hybridconf.interpretation.roster.LanguageClass.A, false),
                        new dev.hybridconf.interpretation.roster.LanguageSkill("en",
                                dev.hybridconf.interpretation.roster.LanguageClass.C, false)),
                dev.hybridconf.interpretation.roster.WorkMode.ON_SITE,
                List.of(new dev.hybridconf.interpretation.roster.Availability(PlanFixture.DAY,
                        dev.hybridconf.interpretation.roster.DayPart.DAY)), java.util.Set.of(), 1));
        roster.put(fixture.conferenceId, more);
        int solvesBefore = planner.calls(fixture.conferenceId).size();

        JsonNode declined = api.ok(api.post(answer(diegos, "decline"), api.interpreter(fixture, "diego")));

        assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.get("replan").get("reason").asString()).isEqualTo("DECLINE");
        assertThat(api.ok(api.get(me("diego"), api.interpreter(fixture, "diego"))).get("assignments").get(0)
                .get("status").asString()).isEqualTo("DECLINED");
        JsonNode published = api.ok(api.get(PlanApi.plan(fixture.conferenceId) + "/coverage?plan=published",
                api.organiser));
        JsonNode plenaryRow = published.get("rows").get(0);
        assertThat(plenaryRow.get("cells").get("es").get("state").asString()).as("the seat is free at once")
                .isEqualTo("GAP");
        assertThat(api.ok(api.get(me("carmen"), api.interpreter(fixture, "carmen"))).get("assignments").get(0)
                .get("partners")).as("no longer Carmen's partner").isEmpty();
        HttpResponse<String> acceptAfter = api.send("POST", answer(diegos, "accept"), api.interpreter(fixture, "diego"),
                null, "Accept-Language", "fr");
        assertThat(acceptAfter.statusCode()).isEqualTo(409);
        assertThat(api.read(acceptAfter).get("detail").asString()).startsWith("Vous avez refusé");

        await().atMost(PlanApi.DEADLINE).until(() -> planner.calls(fixture.conferenceId).size() > solvesBefore);
        JsonNode replan = api.awaitSolved(fixture.conferenceId);
        assertThat(replan.get("status").asString()).isEqualTo("DONE");
        assertThat(replan.get("reason").asString()).isEqualTo("DECLINE");
        StaffingProblem problem = planner.calls(fixture.conferenceId).get(solvesBefore).problem();
        assertThat(problem.declines()).containsExactly(new StaffingProblem.Decline(fixture.plenary, "es",
                fixture.interpreter("diego")));
        assertThat(problem.pins()).extracting(StaffingProblem.Pin::interpreterId)
                .doesNotContain(fixture.interpreter("diego")).contains(fixture.interpreter("carmen"));
        JsonNode draft = api.ok(api.get(PlanApi.plan(fixture.conferenceId), api.organiser));
        JsonNode spanish = booth(draft, fixture.plenary, "es");
        assertThat(spanish.get("seats")).extracting(s -> s.get("interpreterId").asString())
                .containsExactly(fixture.interpreter("carmen"), fixture.interpreter("hugo"));

        JsonNode second = api.publish(fixture.conferenceId);

        assertThat(second.get("sessionsChanged").asInt()).isEqualTo(1);
        List<ConsumerRecord<String, String>> events = api.events(fixture.conferenceId, 2);
        ConsumerRecord<String, String> plenary = events.stream().filter(e -> fixture.plenary.equals(e.key()))
                .reduce((a, b) -> b).orElseThrow();
        EventSchemaAssertions.assertValidEvent(plenary.value());
        assertThat(api.data(plenary).get("interpreters")).extracting(i -> i.get("interpreterId").asString())
                .contains(fixture.interpreter("hugo")).doesNotContain(fixture.interpreter("diego"));
        assertThat(api.ok(api.get(me("diego"), api.interpreter(fixture, "diego"))).get("assignments")).isEmpty();
        JsonNode hugo = api.ok(api.get(me("hugo"), api.interpreter(fixture, "hugo")));
        assertThat(hugo.get("assignments").get(0).get("assignmentId").asString())
                .as("the seat keeps its id").isEqualTo(diegos);
        assertThat(hugo.get("assignments").get(0).get("status").asString()).isEqualTo("ASSIGNED");

        // Replanned again later: Diego is still kept out of the booth he declined.
        api.solve(fixture.conferenceId);
        assertThat(planner.calls(fixture.conferenceId).get(planner.calls(fixture.conferenceId).size() - 1).problem()
                .declines()).hasSize(1);
    }

    @Test
    void publishedSeatsArePinnedWhenTheProgrammeMovesAndTheDraftSaysWhatChanged() {
        // The plenary moves by half an hour and a new session needs Spanish: the plan is solved again.
        List<SessionNeed> moved = new ArrayList<>();
        moved.add(fixture.plenary(LocalTime.of(9, 30), LocalTime.of(11, 0), "Financing local action"));
        moved.add(fixture.sessions().get(1));
        moved.add(fixture.sessions().get(2));
        moved.add(fixture.session(fixture.sessionId("late"), "SIDE_EVENT", LocalTime.of(15, 0), LocalTime.of(16, 0),
                "Room C", "IN_PERSON", List.of("en"), List.of(PlanFixture.channel("es", Delivery.ROOM)), "Late"));
        needs.replace(fixture.conferenceId, moved);

        JsonNode before = api.ok(api.get(PlanApi.plan(fixture.conferenceId), api.organiser));
        assertThat(before.get("needsChanged").asBoolean()).isTrue();
        assertThat(booth(before, fixture.plenary, "fr").get("status").asString()).isEqualTo("MOVED");
        assertThat(before.get("unplanned")).extracting(u -> u.get("sessionId").asString() + "|"
                + u.get("language").asString()).containsExactly(fixture.sessionId("late") + "|es");
        assertThat(before.get("emptySeats").asInt()).isEqualTo(1 + 2);

        api.solve(fixture.conferenceId);

        StaffingProblem problem = planner.calls(fixture.conferenceId).get(planner.calls(fixture.conferenceId).size() - 1)
                .problem();
        assertThat(problem.pins()).hasSize(9);
        JsonNode after = api.ok(api.get(PlanApi.plan(fixture.conferenceId), api.organiser));
        assertThat(after.get("needsChanged").asBoolean()).isFalse();
        assertThat(after.get("unplanned")).isEmpty();
        JsonNode spanish = booth(after, fixture.plenary, "es");
        assertThat(spanish.get("seats")).extracting(s -> s.get("interpreterId").asString() + ":"
                + s.get("pinned").asBoolean())
                .containsExactly(fixture.interpreter("carmen") + ":true", fixture.interpreter("diego") + ":true");
        assertThat(booth(after, fixture.plenary, "fr").get("status").asString()).isEqualTo("PLANNED");
        JsonNode diego = api.ok(api.get(me("diego"), api.interpreter(fixture, "diego")));
        assertThat(diego.get("assignments").get(0).get("start").asString())
                .as("the published schedule follows the moved session").isEqualTo("2021-02-16T09:30:00+01:00");
        assertThat(diego.get("assignments").get(0).get("moved").asBoolean()).isTrue();
        assertThat(diego.get("assignments").get(0).get("turns").get(0).get("from").asString())
                .isEqualTo("2021-02-16T09:30:00+01:00");
    }

    @Test
    void theScheduleFeedOpensWithItsPrivateAddressAlone() throws Exception {
        api.ok(api.post(answer(fixture.assignment(fixture.plenary, "es", 1), "accept"), api.interpreter(fixture, "diego")));
        HttpResponse<String> issued = api.post("/api/interpretation/me/calendar-token?conference="
                + fixture.conferenceId, api.interpreter(fixture, "diego"));

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode token = api.read(issued);
        String url = token.get("url").asString();
        assertThat(url).startsWith("https://conference.example.org/hybridconf/api/interpretation/calendars/")
                .endsWith(".ics");
        assertThat(token.get("webcal").asString()).startsWith("webcal://conference.example.org/hybridconf/");
        String path = url.substring("https://conference.example.org/hybridconf".length());

        HttpResponse<String> feed = api.get(path + "?lang=es", null);

        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow())
                .isEqualToIgnoringWhitespace("text/calendar;charset=UTF-8");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        assertThat(event.getProperty("UID").orElseThrow().getValue())
                .isEqualTo(fixture.assignment(fixture.plenary, "es", 1) + "@hybridconf-interpretation");
        assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).contains("español")
                .contains("Financing local action (es)");
        assertThat(event.getProperty("LOCATION").orElseThrow().getValue()).isEqualTo("Cabina, Auditorium");
        assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(event.getProperty("DESCRIPTION").orElseThrow().getValue()).contains("Carmen Ruiz");
        assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Madrid");
        @SuppressWarnings("unchecked")
        DtStart<java.time.temporal.Temporal> start = (DtStart<java.time.temporal.Temporal>) event.getProperty("DTSTART")
                .orElseThrow();
        assertThat(((ZonedDateTime) start.getDate()).withZoneSameInstant(PlanFixture.MADRID).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(PlanFixture.DAY, LocalTime.of(9, 0)));

        String renewed = api.read(api.post("/api/interpretation/me/calendar-token?conference=" + fixture.conferenceId,
                api.interpreter(fixture, "diego"))).get("token").asString();
        assertThat(api.get(path, null).statusCode()).as("the previous address stops working").isEqualTo(404);
        assertThat(api.get("/api/interpretation/calendars/" + renewed + ".ics", null).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/interpretation/calendars/" + "x".repeat(43) + ".ics", null).statusCode())
                .isEqualTo(404);
        assertThat(api.post("/api/interpretation/me/calendar-token?conference=" + fixture.conferenceId,
                api.tokens.token(UUID.randomUUID().toString(), "interpreter")).statusCode())
                .as("not on the roster").isEqualTo(404);
        assertThat(api.send("DELETE", "/api/interpretation/me/calendar-token?conference=" + fixture.conferenceId,
                api.interpreter(fixture, "diego"), null).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/interpretation/calendars/" + renewed + ".ics", null).statusCode()).isEqualTo(404);
    }

    private static JsonNode booth(JsonNode plan, String sessionId, String language) {
        for (JsonNode booth : plan.get("booths")) {
            if (booth.get("sessionId").asString().equals(sessionId) && booth.get("language").asString().equals(language)) {
                return booth;
            }
        }
        throw new AssertionError("no booth " + sessionId + "/" + language + " in " + plan);
    }
}
