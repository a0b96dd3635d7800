package dev.hybridconf.interpretation.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.hybridconf.kit.lease.Lease;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.redis.RedisStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Solving in the background on a real Redis: 202 and a {@code Location} under the public base URL, progress readable
 * while it runs (also by another replica), 409 with the running solve's progress when asked again, one solve per
 * conference across replicas (the lease), the organiser's time limit handed to the planner, a bounded pool (503 when
 * full), and a solve that lost its lease stopped and recorded FAILED without writing a draft.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "interpretation.solver.lease-ttl=900ms", "interpretation.solver.progress-interval=50ms",
        "interpretation.solver.threads=1", "interpretation.solver.queue=1",
        "interpretation.solver.time-limit=20s", "interpretation.solver.max-time-limit=2m"})
class PlanSolveTests extends PlanServiceTest {

    @Autowired
    TestPlanner planner;

    @Autowired
    PlanStore store;

    @Autowired
    RedisStore redis;

    @Autowired
    PlanConferences conferences;

    @Autowired
    StaffingProblems problems;

    @Autowired
    PlanProperties properties;

    @BeforeEach
    void conference() {
        newConference("solve");
    }

    @AfterEach
    void release() {
        planner.release();
    }

    @Test
    void aSolveRunsInTheBackgroundWithItsProgressAndLimitAndASecondRequestIsToldSo() {
        planner.hold();

        HttpResponse<String> started = api.send("POST", PlanApi.plan(fixture.conferenceId) + "/solve", api.organiser,
                "{\"limitSeconds\": 7}");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location")).hasValue(
                "http://localhost:8080/api/interpretation/conferences/" + fixture.conferenceId + "/plan/solve");
        JsonNode running = api.read(started);
        assertThat(running.get("status").asString()).isEqualTo("RUNNING");
        assertThat(running.get("limit").asLong()).isEqualTo(7);
        assertThat(running.get("startedAt").asString()).isNotBlank();
        await().atMost(PlanApi.DEADLINE).until(() -> !api.ok(api.get(PlanApi.plan(fixture.conferenceId) + "/solve",
                api.organiser)).get("bestScore").isNull());
        JsonNode progress = api.ok(api.get(PlanApi.plan(fixture.conferenceId) + "/solve", api.organiser));
        assertThat(progress.get("status").asString()).isEqualTo("RUNNING");
        assertThat(progress.get("bestScore").get("hard").asLong()).isEqualTo(-1);
        assertThat(progress.get("feasible").asBoolean()).isFalse();
        assertThat(progress.get("elapsed").asDouble()).isGreaterThan(0);

        HttpResponse<String> again = api.send("POST", PlanApi.plan(fixture.conferenceId) + "/solve", api.organiser,
                null, "Accept-Language", "fr");

        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode problem = api.read(again);
        assertThat(problem.get("type").asString()).isEqualTo("https://hybridconf.dev/problems/solve-running");
        assertThat(problem.get("detail").asString()).startsWith("Un plan de " + fixture.conferenceId);
        assertThat(problem.get("progress").get("status").asString()).isEqualTo("RUNNING");
        assertThat(problem.get("progress").get("startedAt").asString()).isEqualTo(running.get("startedAt").asString());

        planner.release();
        JsonNode done = api.awaitSolved(fixture.conferenceId);

        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("reason").asString()).isEqualTo("REQUESTED");
        assertThat(done.get("feasible").asBoolean()).isTrue();
        assertThat(done.get("bestScore").get("medium").asLong()).isEqualTo(-1);
        assertThat(done.get("finishedAt").asString()).isNotBlank();
        var call = planner.calls(fixture.conferenceId).get(0);
        assertThat(call.limits().spent()).isEqualTo(Duration.ofSeconds(7));
        assertThat(call.limits().unimproved()).isEqualTo(Duration.ofSeconds(5));
        assertThat(call.problem().sessions()).hasSize(3);
        assertThat(call.problem().interpreters()).hasSize(7);
        assertThat(call.problem().norms()).isNotNull();
        assertThat(api.ok(api.get(PlanApi.plan(fixture.conferenceId), api.organiser)).get("solvedAt").isNull())
                .isFalse();
    }

    @Test
    void oneSolvePerConferenceAcrossReplicasAndEachReadsTheOthersProgress() {
        Leases otherHolder = new Leases(redis.redis(), redis.keys(), "replica-b");
        PlanSolves replicaB = new PlanSolves(store, otherHolder, conferences, problems, planner, properties,
                Clock.systemUTC(), new SimpleMeterRegistry());
        try {
            planner.hold();
            api.ok(api.post(PlanApi.plan(fixture.conferenceId) + "/solve", api.organiser));

            assertThatThrownBy(() -> replicaB.start(fixture.conferenceId, PlanSolves.REQUESTED, null))
                    .isInstanceOfSatisfying(SolveRunningException.class,
                            e -> assertThat(e.running().status()).isEqualTo(SolveState.Status.RUNNING));
            assertThat(replicaB.progress(fixture.conferenceId).status()).isEqualTo(SolveState.Status.RUNNING);

            planner.release();
            api.awaitSolved(fixture.conferenceId);
            replicaB.start(fixture.conferenceId, PlanSolves.REQUESTED, Duration.ofSeconds(3));
            await().atMost(PlanApi.DEADLINE).until(
                    () -> replicaB.progress(fixture.conferenceId).status() == SolveState.Status.DONE);
            assertThat(api.ok(api.get(PlanApi.plan(fixture.conferenceId) + "/solve", api.organiser)).get("limit")
                    .asLong()).as("the other replica's solve, read here").isEqualTo(3);
        } finally {
            planner.release();
            try {
                replicaB.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            otherHolder.close();
        }
    }

    @Test
    void aSolveThatLostItsLeaseStopsRecordsFailedAndWritesNoDraft() {
        planner.hold();
        api.ok(api.post(PlanApi.plan(fixture.conferenceId) + "/solve", api.organiser));
        await().atMost(PlanApi.DEADLINE).until(() -> !planner.calls(fixture.conferenceId).isEmpty());

        // Another replica is given the conference: this one's lease lapsed (as when Redis could not be reached).
        Leases intruder = new Leases(redis.redis(), redis.keys(), "replica-c");
        redis.redis().del(store.keys().lease(fixture.conferenceId));
        Lease taken = intruder.tryAcquire(PlanKeys.leaseName(fixture.conferenceId), Duration.ofSeconds(30))
                .orElseThrow();
        try {
            JsonNode failed = api.awaitSolved(fixture.conferenceId);

            assertThat(failed.get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.get("failure").asString()).isEqualTo("lease-lost");
            assertThat(failed.get("failureText").asString()).contains("replica");
            assertThat(store.draft(fixture.conferenceId)).as("the lost solve wrote no draft").isEmpty();
            HttpResponse<String> meanwhile = api.post(PlanApi.plan(fixture.conferenceId) + "/solve", api.organiser);
            assertThat(meanwhile.statusCode()).as("the new holder solves the conference").isEqualTo(409);
        } finally {
            taken.release();
            intruder.close();
        }
        planner.release();
        assertThat(api.solve(fixture.conferenceId).get("status").asString()).isEqualTo("DONE");
    }

    @Test
    void aFullPoolAnswers503AndTheSolvesItTookEndWell() {
        PlanFixture second = new PlanFixture(PlanFixture.newConferenceId("queued")).install(needs, roster);
        PlanFixture third = new PlanFixture(PlanFixture.newConferenceId("refused")).install(needs, roster);
        planner.hold();
        api.ok(api.post(PlanApi.plan(fixture.conferenceId) + "/solve", api.organiser));
        api.ok(api.post(PlanApi.plan(second.conferenceId) + "/solve", api.organiser));

        HttpResponse<String> refused = api.send("POST", PlanApi.plan(third.conferenceId) + "/solve", api.organiser,
                null, "Accept-Language", "es");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.read(refused).get("detail").asString()).startsWith("Todos los solucionadores");
        JsonNode progress = api.ok(api.get(PlanApi.plan(third.conferenceId) + "/solve", api.organiser));
        assertThat(progress.get("status").asString()).isEqualTo("FAILED");
        assertThat(progress.get("failure").asString()).isEqualTo("busy");
        planner.release();
        assertThat(api.awaitSolved(fixture.conferenceId).get("status").asString()).isEqualTo("DONE");
        assertThat(api.awaitSolved(second.conferenceId).get("status").asString()).isEqualTo("DONE");
        assertThat(api.solve(third.conferenceId).get("status").asString()).isEqualTo("DONE");
    }

    @Test
    void badRequestsAndOthersThanOrganisersAreRefusedWithProblemDetails() {
        HttpResponse<String> tooLong = api.send("POST", PlanApi.plan(fixture.conferenceId) + "/solve", api.organiser,
                "{\"limitSeconds\": 121}", "Accept-Language", "fr");
        HttpResponse<String> unknown = api.send("POST", PlanApi.plan("nowhere-1") + "/solve", api.organiser, null,
                "Accept-Language", "es");
        HttpResponse<String> participant = api.post(PlanApi.plan(fixture.conferenceId) + "/solve",
                api.tokens.participant());
        HttpResponse<String> interpreter = api.get(PlanApi.plan(fixture.conferenceId) + "/solve",
                api.interpreter(fixture, "amelie"));
        HttpResponse<String> idle = api.get(PlanApi.plan(fixture.conferenceId) + "/solve", api.organiser);

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(api.read(tooLong).get("errors").get(0).get("field").asString()).isEqualTo("limitSeconds");
        assertThat(api.read(tooLong).get("errors").get(0).get("message").asString()).contains("entre 1 et 120");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(api.read(unknown).get("detail").asString()).contains("nowhere-1");
        assertThat(participant.statusCode()).isEqualTo(403);
        assertThat(interpreter.statusCode()).isEqualTo(403);
        assertThat(api.read(idle).get("status").asString()).isEqualTo("IDLE");
        assertThat(store.redis().redis().exists(store.keys().solve(fixture.conferenceId)))
                .as("nothing was started").isFalse();
    }
}
