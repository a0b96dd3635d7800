package dev.hybridconf.streaming.provisioning;

import static dev.hybridconf.streaming.provisioning.ProvisioningSupport.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.TranslationAssertions;
import tools.jackson.databind.JsonNode;

/**
 * The host pool through its HTTP API: who may use it, what Zoom is asked, the day's plan, and a pool too small for
 * a slot (reported before the day, failed with {@code HOST_POOL_EXHAUSTED}, resolved by adding a host).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.streaming.hosts.seed=host3@hybridconf.example,host4@hybridconf.example",
    "platform.streaming.provisioning.poll-interval=100ms"})
@OnZoomEmulator
class HostPoolTests {

    static final TestTokens TOKENS = TestTokens.shared();
    static final String STAFF = TOKENS.token("staff-1", "streaming-staff");

    @Autowired
    ZoomEmulatorServer emulator;

    @Autowired
    TopicNames topics;

    @Autowired
    Sessions sessions;

    @Autowired
    dev.hybridconf.streaming.hosts.HostPool pool;

    @LocalServerPort
    int port;

    ProvisioningSupport support;

    @BeforeEach
    void support() {
        support = new ProvisioningSupport(topics, port);
    }

    @Test
    void aPoolTooSmallForASlotIsReportedAndFailsThatSessionUntilStaffAddAHost() {
        LocalDate day = LocalDate.of(2027, 7, 1);
        Instant slot = Instant.parse("2027-07-01T09:00:00Z");
        List<SessionScheduled> breakouts = List.of(
                ProvisioningSupport.scheduled("short-a", "BREAKOUT", day, slot, 60, "HYBRID", "A", 1),
                ProvisioningSupport.scheduled("short-b", "BREAKOUT", day, slot, 60, "HYBRID", "A", 1),
                ProvisioningSupport.scheduled("short-c", "BREAKOUT", day, slot.plus(Duration.ofMinutes(30)), 60,
                        "HYBRID", "A", 1),
                ProvisioningSupport.scheduled("later", "BREAKOUT", day, slot.plus(Duration.ofMinutes(180)), 60,
                        "HYBRID", "B", 1));
        breakouts.forEach(support::publish);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sessions.onDay(day))
                .extracting(SessionView::provisioning).containsExactlyInAnyOrder("PROVISIONED", "PROVISIONED",
                        "PROVISIONED", "FAILED"));
        SessionView failed = sessions.onDay(day).stream().filter(s -> s.provisioning().equals("FAILED")).findFirst()
                .orElseThrow();
        assertThat(failed.failureReason()).isEqualTo("HOST_POOL_EXHAUSTED");
        JsonNode event = support.emitted("streaming.provisioning-failed.v1", failed.sessionId(),
                Duration.ofSeconds(10)).get(0);
        assertThat(event.path("data").path("reason").asString()).isEqualTo("HOST_POOL_EXHAUSTED");
        assertThat(event.path("data").path("retryAt").isNull()).as("waits for a host, not for a time").isTrue();

        ProvisioningSupport.Answer plan = support.call("GET", "/api/streaming/hosts/plan?day=2027-07-01", STAFF, null,
                null);
        assertThat(plan.status()).isEqualTo(200);
        JsonNode shortfall = plan.json().path("shortfalls").get(0);
        assertThat(plan.json().path("shortfalls")).hasSize(1);
        assertThat(shortfall.path("from").asString()).isEqualTo("2027-07-01T09:30:00Z");
        assertThat(shortfall.path("to").asString()).isEqualTo("2027-07-01T10:10:00Z");
        assertThat(shortfall.path("concurrentSessions").asInt()).isEqualTo(3);
        assertThat(shortfall.path("hosts").asInt()).isEqualTo(2);
        assertThat(shortfall.path("missingHosts").asInt()).isEqualTo(1);
        assertThat(plan.json().path("withoutHost")).hasSize(1);
        assertThat(plan.json().path("withoutHost").get(0).path("sessionId").asString()).isEqualTo(failed.sessionId());

        ProvisioningSupport.Answer added = support.call("POST", "/api/streaming/hosts", STAFF,
                "{\"userId\":\"host5@hybridconf.example\"}", null);
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sessions.onDay(day))
                .allSatisfy(s -> assertThat(s.provisioning()).isEqualTo("PROVISIONED")));
        assertThat(sessions.find(failed.sessionId()).orElseThrow().hostUserId()).isEqualTo("host5@hybridconf.example");
        JsonNode after = support.call("GET", "/api/streaming/hosts/plan?day=2027-07-01", TOKENS.organiser(), null,
                null).json();
        assertThat(after.path("shortfalls")).isEmpty();
        assertThat(after.path("withoutHost")).isEmpty();

        // The pool as staff see it: remaining writes and the sessions each host holds; busy hosts cannot leave.
        JsonNode pool = support.call("GET", "/api/streaming/hosts", STAFF, null, null).json();
        JsonNode host5 = StreamSupport.stream(pool.spliterator(), false)
                .filter(h -> h.path("userId").asString().equals("host5@hybridconf.example")).findFirst().orElseThrow();
        assertThat(host5.path("remainingDailyWrites").asInt()).isEqualTo(99);
        assertThat(host5.path("assignedSessions").get(0).path("sessionId").asString()).isEqualTo(failed.sessionId());
        ProvisioningSupport.Answer busy = support.call("DELETE", "/api/streaming/hosts/host5@hybridconf.example",
                STAFF, null, "es");
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.json().path("type").asString()).endsWith("/host-has-sessions");
        assertThat(busy.json().path("detail").asString()).contains("todavía tiene 1 sesiones");
    }

    @Test
    void replicasAssigningOneSlotAtOnceNeverGiveAHostTwoSessions() throws Exception {
        Instant start = Instant.parse("2027-12-01T09:00:00Z");
        Instant end = start.plus(Duration.ofMinutes(60));
        List<String> candidates = List.of("host3@hybridconf.example", "host4@hybridconf.example");
        var threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<java.util.Optional<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String sessionId = id("race-" + i);
                // Each a little later than the one before: all overlap the first within the buffer.
                Instant shifted = start.plus(Duration.ofMinutes(i));
                answers.add(threads.submit(() -> pool.assign(sessionId, shifted, end, candidates)));
            }
            List<String> chosen = new java.util.ArrayList<>();
            for (var answer : answers) {
                answer.get().ifPresent(chosen::add);
            }
            assertThat(chosen).containsExactlyInAnyOrderElementsOf(candidates);
        } finally {
            threads.shutdownNow();
            for (int i = 0; i < 24; i++) {
                for (String host : candidates) {
                    pool.release(host, id("race-" + i));
                }
            }
        }
    }

    @Test
    void staffRegisterAHostWhoseWebinarLicenceZoomTellsAndRemoveOneWithoutSessions() {
        ProvisioningSupport.Answer added = support.call("POST", "/api/streaming/hosts", STAFF,
                "{\"userId\":\"host1@hybridconf.example\",\"webinarLicence\":false}", null);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("webinarLicence").asBoolean()).as("Zoom's settings win").isTrue();
        assertThat(added.json().path("zoomUserId").asString()).isNotBlank();
        assertThat(added.json().path("remainingDailyWrites").asInt()).isEqualTo(100);
        assertThat(support.call("POST", "/api/streaming/hosts", STAFF, "{\"userId\":\"host1@hybridconf.example\"}",
                null).status()).as("registering again is harmless").isEqualTo(200);

        assertThat(support.call("DELETE", "/api/streaming/hosts/host1@hybridconf.example", STAFF, null, null)
                .status()).isEqualTo(204);
        assertThat(support.call("GET", "/api/streaming/hosts", STAFF, null, null).json().findValuesAsString("userId"))
                .doesNotContain("host1@hybridconf.example");
    }

    @Test
    void badInputIsAProblemInTheCallersLanguageAndNeverA500() {
        ProvisioningSupport.Answer malformed = support.call("POST", "/api/streaming/hosts", STAFF,
                "{\"userId\":\"not a user/../x\"}", "fr");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("type").asString()).endsWith("/host-user-id-invalid");
        assertThat(malformed.json().path("detail").asString()).startsWith("userId doit être");

        ProvisioningSupport.Answer unknown = support.call("POST", "/api/streaming/hosts", STAFF,
                "{\"userId\":\"ghost@hybridconf.example\"}", null);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("type").asString()).endsWith("/zoom-user-unknown");

        assertThat(support.call("POST", "/api/streaming/hosts", STAFF, "{\"userId\":", null).status()).isEqualTo(400);
        long userReads = emulator.calls("GET /v2/users/{userId}");
        for (String notText : new String[] { "12", "true", "[\"host1@hybridconf.example\"]", "{}" }) {
            ProvisioningSupport.Answer wrongType = support.call("POST", "/api/streaming/hosts", STAFF,
                    "{\"userId\":" + notText + "}", null);
            assertThat(wrongType.status()).as(notText).isEqualTo(400);
            assertThat(wrongType.json().path("type").asString()).endsWith("/host-user-id-invalid");
        }
        assertThat(emulator.calls("GET /v2/users/{userId}")).as("a userId that is not text never reaches Zoom")
                .isEqualTo(userReads);
        assertThat(support.call("POST", "/api/streaming/hosts", STAFF, null, null).status()).isEqualTo(400);

        ProvisioningSupport.Answer gone = support.call("DELETE", "/api/streaming/hosts/nobody@hybridconf.example",
                STAFF, null, "es");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("detail").asString()).contains("no está en el grupo");

        ProvisioningSupport.Answer badDay = support.call("GET", "/api/streaming/hosts/plan?day=01/07/2027", STAFF,
                null, "fr");
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(badDay.json().path("type").asString()).endsWith("/day-invalid");
        assertThat(badDay.json().path("detail").asString()).contains("n'est pas un jour");
        assertThat(support.call("GET", "/api/streaming/hosts/plan", STAFF, null, null).status()).isEqualTo(400);

        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/messages");
    }

    @Test
    void participantsAreRefusedEveryHostEndpointAndOrganisersMayOnlyRead() {
        String participant = TOKENS.participant();
        long userReads = emulator.calls("GET /v2/users/{userId}");
        assertThat(support.call("GET", "/api/streaming/hosts", participant, null, null).status()).isEqualTo(403);
        assertThat(support.call("GET", "/api/streaming/hosts/plan?day=2027-07-01", participant, null, null).status())
                .isEqualTo(403);
        assertThat(support.call("POST", "/api/streaming/hosts", participant,
                "{\"userId\":\"host6@hybridconf.example\"}", null).status()).isEqualTo(403);
        assertThat(support.call("DELETE", "/api/streaming/hosts/host3@hybridconf.example", participant, null, null)
                .status()).isEqualTo(403);
        assertThat(support.call("GET", "/api/streaming/hosts", null, null, null).status()).isEqualTo(401);

        String organiser = TOKENS.organiser();
        assertThat(support.call("GET", "/api/streaming/hosts", organiser, null, null).status()).isEqualTo(200);
        assertThat(support.call("POST", "/api/streaming/hosts", organiser,
                "{\"userId\":\"host6@hybridconf.example\"}", null).status()).isEqualTo(403);
        assertThat(emulator.calls("GET /v2/users/{userId}")).as("refused before Zoom is asked").isEqualTo(userReads);
    }
}
