package dev.hybridconf.streaming.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import dev.hybridconf.streaming.interpretation.InterpretationKeys;
import dev.hybridconf.streaming.registrants.ProvisioningStandIn;
import dev.hybridconf.streaming.registrants.RegistrantFixtures;
import dev.hybridconf.streaming.registrants.TestEvents;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.testinfra.AdjustableClock;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.TranslationAssertions;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The join path over HTTP with real tokens: a participant gets their own personal link, and only theirs,
 * within the join window, from Redis alone; everything else is a clear problem in English, French or Spanish.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "platform.streaming.registrants.poll-interval=100ms",
    "platform.zoom.retry.initial-backoff=20ms"})
@OnZoomEmulator
@Import({AdjustableClock.Config.class, RegistrantFixtures.class})
class JoinTests {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final TestTokens TOKENS = TestTokens.shared();
    static final ObjectMapper JSON = JsonMapper.builder().build();

    @Autowired
    ZoomEmulatorServer emulator;

    @LocalServerPort
    int port;

    @Autowired
    ZoomClient zoom;

    @Autowired
    RedisStore store;

    @Autowired
    StreamingKeys keys;

    @Autowired
    AdjustableClock clock;

    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();
    @Autowired
    ProvisioningStandIn provisioning;

    @Autowired
    TestEvents events;

    @Autowired
    InterpretationKeys interpretationKeys;

    /**
     * The plan's channels, as the interpretation service publishes them: English in the room and on Zoom, French
     * and Spanish on Zoom, Arabic in the room's booth only. No interpreter: the join answer lists channels only.
     */
    private void publishInterpretation(String sessionId) {
        events.send("interpretation.events", List.of(new EventCodec().wrap("interpretation-language-service",
                new SessionInterpretationPublished(sessionId, ProvisioningStandIn.CONFERENCE, 1, List.of("en"),
                        List.of(channel("en", Delivery.BOTH), channel("fr", Delivery.ZOOM),
                                channel("es", Delivery.ZOOM), channel("ar", Delivery.ROOM)),
                        List.of()))));
        await().atMost(DEADLINE).until(() -> store.redis().exists(interpretationKeys.desired(sessionId)));
    }

    private static SessionInterpretationPublished.Channel channel(String language, Delivery delivery) {
        return new SessionInterpretationPublished.Channel(language, false, delivery, true, null);
    }

    @AfterEach
    void tearDown() {
        provisioning.retireAll();
    }

    @Test
    void aParticipantGetsTheirOwnPersonalLinkInTheirLanguageWithoutAnyZoomCallAndNeverAHostLink() throws Exception {
        var plenary = provisioning.provisioned("PLENARY", clock.instant().plus(Duration.ofMinutes(10)),
                Duration.ofMinutes(60), "host5@hybridconf.example");
        publishInterpretation(plenary.sessionId());
        String amina = id(), jorge = id();
        approve(amina, "REMOTE", "fr", "es");
        approve(jorge, "REMOTE", "es", null);
        await().atMost(DEADLINE).until(() -> store.redis().hexists(keys.registrants(plenary.sessionId()), amina)
                && store.redis().hexists(keys.registrants(plenary.sessionId()), jorge));
        await().atMost(DEADLINE).until(() -> store.redis().zscore(keys.registrantsDirty(), plenary.sessionId()) == null);
        await().atMost(DEADLINE).until(() -> store.redis().zscore(interpretationKeys.due(), plenary.sessionId()) == null
                && store.redis().hexists(interpretationKeys.applied(plenary.sessionId()), "fingerprint"));
        long callsBefore = totalEmulatorCalls();

        HttpResponse<String> answer = join(plenary.sessionId(), TOKENS.token(amina, "participant"), "fr-FR");
        HttpResponse<String> hers = join(plenary.sessionId(), TOKENS.token(jorge, "participant"), "es");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("sessionId").asString()).isEqualTo(plenary.sessionId());
        assertThat(body.path("title").asString()).isEqualTo("PLENARY en français");
        assertThat(body.path("joinUrl").asString()).isEqualTo(emulatorJoinUrl(plenary.meetingId(), amina))
                .isNotEqualTo(JSON.readTree(hers.body()).path("joinUrl").asString());
        assertThat(body.path("start").asString()).isNotBlank();
        assertThat(body.path("timeZone").asString()).isEqualTo("Europe/Madrid");
        assertThat(body.path("interpretation").path("languages")).as("the channels a participant picks in Zoom")
                .extracting(JsonNode::asString).containsExactly("en", "fr", "es");
        JsonNode channels = body.path("interpretation").path("channels");
        assertThat(channels).extracting(c -> c.path("language").asString()).containsExactly("en", "fr", "es", "ar");
        assertThat(channels).extracting(c -> c.path("name").asString())
                .containsExactly("anglais", "français", "espagnol", "arabe");
        assertThat(channels).extracting(c -> c.path("onZoom").asBoolean()).containsExactly(true, true, true, false);
        assertThat(JSON.readTree(hers.body()).path("interpretation").path("channels").get(3).path("name").asString())
                .isEqualTo("árabe");
        assertThat(body.path("interpretation").path("yourLanguage").asString()).isEqualTo("es");
        assertThat(JSON.readTree(hers.body()).path("title").asString()).isEqualTo("PLENARY en español");
        assertThat(JSON.readTree(hers.body()).path("interpretation").path("yourLanguage").isNull()).isTrue();
        assertThat(answer.body()).doesNotContain("start_url").doesNotContain("startUrl").doesNotContain("zak")
                .doesNotContain("/s/");
        assertThat(totalEmulatorCalls()).as("the join path never calls Zoom").isEqualTo(callsBefore);
        assertThat(meters.find("streaming.join").tag("outcome", "ok").timer().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void noOneReachesALinkTheyMayNotHave() throws Exception {
        var breakout = provisioning.provisioned("BREAKOUT", clock.instant().plus(Duration.ofMinutes(5)),
                Duration.ofMinutes(60), "host6@hybridconf.example");
        var plenary = provisioning.provisioned("PLENARY", clock.instant().plus(Duration.ofMinutes(5)),
                Duration.ofMinutes(60), "host4@hybridconf.example");
        String remote = id(), inPerson = id();
        approve(remote, "REMOTE", "en", null);
        approve(inPerson, "IN_PERSON", "en", null);
        await().atMost(DEADLINE).until(() -> store.redis().hexists(keys.registrants(plenary.sessionId()), remote));

        HttpResponse<String> notEnrolled = join(breakout.sessionId(), TOKENS.token(remote, "participant"), "en");
        assertThat(notEnrolled.statusCode()).isEqualTo(403);
        assertThat(problemType(notEnrolled)).endsWith("/not-enrolled");
        assertThat(notEnrolled.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> inRoom = join(plenary.sessionId(), TOKENS.token(inPerson, "participant"), "en");
        assertThat(inRoom.statusCode()).isEqualTo(403);
        assertThat(join(plenary.sessionId(), TOKENS.token(id(), "participant"), "en").statusCode())
                .as("a stranger's token").isEqualTo(403);
        assertThat(join(plenary.sessionId(), TOKENS.organiser(), "en").statusCode()).as("not a participant")
                .isEqualTo(403);
        assertThat(join(plenary.sessionId(), null, "en").statusCode()).isEqualTo(401);

        HttpResponse<String> unknown = join(id(), TOKENS.token(remote, "participant"), "es");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("detail").asString())
                .isEqualTo("No hay ninguna sesión en línea con este identificador.");
        String coffee = provisioning.withoutMeeting(clock.instant().plus(Duration.ofMinutes(5)), Duration.ofMinutes(30));
        assertThat(join(coffee, TOKENS.token(remote, "participant"), "en").statusCode()).isEqualTo(404);
    }

    @Test
    void aSessionOfAnotherConferenceIsNotTheirsToJoinEvenWithAStoredLink() throws Exception {
        String remote = id();
        approve(remote, "REMOTE", "en", null);
        await().atMost(DEADLINE).until(() -> store.redis()
                .sismember(keys.remoteParticipants(ProvisioningStandIn.CONFERENCE), remote));
        var elsewhere = provisioning.provisioned("conf-elsewhere", "PLENARY", clock.instant().plus(Duration.ofMinutes(5)),
                Duration.ofMinutes(60), "host4@hybridconf.example", false);
        // A link kept from before conferences were the boundary (everyone was registered in every plenary then).
        store.redis().hset(keys.registrants(elsewhere.sessionId()), remote, "{\"meetingId\":\"" + elsewhere.meetingId()
                + "\",\"registrantId\":\"r1\",\"joinUrl\":\"https://zoom.example/w/1?tk=old\"}");

        HttpResponse<String> refused = join(elsewhere.sessionId(), TOKENS.token(remote, "participant"), "fr");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(problemType(refused)).endsWith("/not-enrolled");
        assertThat(refused.body()).doesNotContain("zoom.example");
    }

    @Test
    void theLinkIsHandedOutOnlyWithinTheWindowAndOnlyOnceReady() throws Exception {
        String remote = id();
        approve(remote, "REMOTE", "en", null);
        await().atMost(DEADLINE).until(() -> store.redis()
                .sismember(keys.remoteParticipants(ProvisioningStandIn.CONFERENCE), remote));
        String token = TOKENS.token(remote, "participant");

        Instant start = clock.instant().plus(Duration.ofHours(2));
        String tomorrow = provisioning.pending("PLENARY", start, Duration.ofMinutes(60));
        HttpResponse<String> early = join(tomorrow, token, "fr");
        assertThat(early.statusCode()).isEqualTo(425);
        assertThat(problemType(early)).endsWith("/join-not-open");
        JsonNode earlyBody = JSON.readTree(early.body());
        assertThat(earlyBody.path("opensAt").asString()).isEqualTo(start.minus(Duration.ofMinutes(15)).toString());
        assertThat(earlyBody.path("detail").asString()).startsWith("Le lien pour rejoindre cette session");

        String over = provisioning.pending("PLENARY", clock.instant().minus(Duration.ofHours(2)), Duration.ofHours(1));
        HttpResponse<String> late = join(over, token, "en");
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(problemType(late)).endsWith("/join-closed");

        String notProvisioned = provisioning.pending("PLENARY", clock.instant().plus(Duration.ofMinutes(5)),
                Duration.ofMinutes(60));
        HttpResponse<String> pending = join(notProvisioned, token, "en");
        assertThat(pending.statusCode()).isEqualTo(503);
        assertThat(problemType(pending)).endsWith("/join-not-ready");
        assertThat(pending.headers().firstValue("Retry-After")).hasValue("10");

        var notSynced = provisioning.provisioned("PLENARY", clock.instant().plus(Duration.ofMinutes(5)),
                Duration.ofMinutes(60), "host3@hybridconf.example", false);
        HttpResponse<String> unsynced = join(notSynced.sessionId(), token, "en");
        assertThat(unsynced.statusCode()).isEqualTo(503);
        assertThat(problemType(unsynced)).endsWith("/join-not-ready");
        assertThat(meters.find("streaming.join").tag("outcome", "join-not-ready").timer().count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aStormOfJoinsIsAnsweredFromRedisAloneWithEveryoneGettingTheirOwnLink() throws Exception {
        var plenary = provisioning.provisioned("PLENARY", clock.instant().plus(Duration.ofMinutes(1)),
                Duration.ofMinutes(60), "host2@hybridconf.example");
        List<String> people = java.util.stream.IntStream.range(0, 60).mapToObj(i -> id()).toList();
        List<CloudEvent> approvals = people.stream().map(id -> events.registration(new RegistrationApproved(id,
                ProvisioningStandIn.CONFERENCE,
                "REMOTE", "en", null, null, List.of("participant")))).toList();
        events.registrationEvents(approvals);
        await().atMost(DEADLINE).until(() -> people.stream()
                .allMatch(id -> store.redis().hexists(keys.registrants(plenary.sessionId()), id)));
        await().atMost(DEADLINE).until(() -> store.redis().zscore(keys.registrantsDirty(), plenary.sessionId()) == null);
        List<String> tokens = people.stream().map(id -> TOKENS.token(id, "participant")).toList();
        long callsBefore = totalEmulatorCalls();
        int requests = 1200;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(24);
        long[] latencies = new long[requests];
        java.util.Set<String> links = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        long began = System.nanoTime();
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    HttpResponse<String> answer = join(plenary.sessionId(), tokens.get(n % tokens.size()), "en");
                    latencies[n] = System.nanoTime() - t0;
                    if (answer.statusCode() == 200) {
                        links.add(JSON.readTree(answer.body()).path("joinUrl").asString());
                    } else {
                        failures.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (var future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        java.util.Arrays.sort(latencies);
        System.out.printf("join storm: %d requests, 24 clients, %.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors%n",
                requests, requests / seconds, latencies[requests / 2] / 1e6, latencies[requests * 99 / 100] / 1e6,
                failures.get());

        assertThat(failures.get()).isZero();
        assertThat(links).as("each of the 60 got their own link").hasSize(60);
        assertThat(totalEmulatorCalls()).isEqualTo(callsBefore);
    }

    @Test
    void everyJoinMessageIsWrittenInEnglishFrenchAndSpanish() {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/messages");
    }

    private void approve(String registrationId, String mode, String language, String interpretation) {
        List<CloudEvent> approval = new ArrayList<>();
        approval.add(events.registration(new RegistrationApproved(registrationId, ProvisioningStandIn.CONFERENCE,
                mode, language, interpretation, null,
                List.of("participant"))));
        events.registrationEvents(approval);
    }

    private HttpResponse<String> join(String sessionId, String token, String language)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/streaming/sessions/" + sessionId + "/join"))
                .header("Accept-Language", language).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String problemType(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("type").asString();
    }

    private String emulatorJoinUrl(String meetingId, String registrationId) {
        for (JsonNode registrant : emulator.admin("/meetings/" + meetingId + "/registrants")) {
            if (registrant.path("email").asString().startsWith(registrationId + "@")) {
                return registrant.path("joinUrl").asString();
            }
        }
        throw new AssertionError("no registrant " + registrationId + " in meeting " + meetingId);
    }

    private long totalEmulatorCalls() {
        long total = 0;
        for (JsonNode row : emulator.admin("/calls").path("endpoints")) {
            total += row.path("total").asLong();
        }
        return total;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
