package dev.hybridconf.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform end to end, as the launcher runs it: a real Kafka broker, a real Redis server, the
 * Zoom emulator, the five services and the gateway as separate processes on free ports. Every request
 * to the platform goes through the gateway. The stack starts once for the class; each test makes its
 * own registrations and asserts only on them (or on differences), so the tests do not depend on their order.
 */
class PlatformFlowTests extends FlowTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final String REGISTRATION_EVENTS = "registration.events";

    static boolean relayDisabled;

    @Test
    void aRequestsTraceIdIsInTheGatewaysTheProducersAndEveryConsumersLogs() {
        String traceId = UUID.randomUUID().toString().replace("-", "");

        Http.Answer created = gateway.post("/api/registrations", Http.registration("REMOTE", "fr"), null,
                "00-" + traceId + "-00f067aa0ba902b7-01");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        // The gateway, the producer, and the three services that consume registration.events (the registration
        // service's notifier among them): the same id in each one's log.
        List<App> chain = List.of(App.GATEWAY, App.REGISTRATION, App.SESSION, App.STREAMING_LINK);
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            for (App app : chain) {
                assertThat(Files.readString(stack.config().logFile(app.name()))).as(app.name() + "'s log")
                        .contains(traceId);
            }
        });
    }

    @Test
    void aRegistrationThroughTheGatewayReachesTheSessionServiceOnce() {
        long totalBefore = summary().path("total").asLong();

        Http.Answer created = gateway.post("/api/registrations", Http.registration("IN_PERSON", "es"), null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Http.Answer view = gateway.get("/api/sessions/participants/" + id, organiser);
            assertThat(view.status()).as(view.body()).isEqualTo(200);
            assertThat(view.json().path("eventsApplied").asInt()).isEqualTo(1);
            assertThat(view.json().path("attendanceMode").asString()).isEqualTo("IN_PERSON");
            assertThat(view.json().path("preferredLanguage").asString()).isEqualTo("es");
        });
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(summary().path("total").asLong()).isEqualTo(totalBefore + 1));
    }

    @Test
    void theDemoConferencesAreLoadedAtStartUpAndBrowsableThroughTheGateway() {
        String participant = stack.demoTokens().get("participant");

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Http.Answer conferences = gateway.get("/api/sessions/conferences", participant);
            assertThat(conferences.status()).as(conferences.body()).isEqualTo(200);
            assertThat(conferences.body()).contains("local-action-2024", "uclg-seminar-campus-2021",
                    "uclg-development-cooperation-2021");
        });
        Http.Answer seminar = gateway.get("/api/sessions/conferences/uclg-seminar-campus-2021/programme?tz=America/Bogota",
                participant);
        assertThat(seminar.status()).as(seminar.body()).isEqualTo(200);
        assertThat(seminar.body()).as("times rendered for a viewer in Bogotá").contains("-05:00");
        assertThat(seminar.body()).contains("BREAKOUT", "WRAP_UP");
        Http.Answer write = gateway.post("/api/sessions/conferences/local-action-2024/sessions", "{}", participant);
        assertThat(write.status()).as("participants browse, only organisers change the programme").isEqualTo(403);
    }

    @Test
    void badInputGetsProblemDetailsNamingEveryField() {
        String body = """
                {"fullName":"Jean Dupont","organisation":"Ville de Lyon","country":"France",
                 "attendanceMode":"REMOTE","preferredLanguage":"fr","privacyConsent":false}""";

        Http.Answer answer = gateway.post("/api/registrations", body, null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).contains("email", "country", "privacyConsent");
    }

    /**
     * The registration service writes its state and outbox entry, then dies before the relay publishes.
     * After a restart the relay publishes the entry; the session service applies it exactly once.
     */
    @Test
    void aCrashBetweenTheStateWriteAndThePublishLosesNothingAndDuplicatesNothing() {
        String registration = App.REGISTRATION.name();
        stack.start(registration, Map.of("OUTBOX_RELAY_ENABLED", "false"));
        relayDisabled = true;

        String id = register("REMOTE");
        assertThat(outboxKeys()).as("registration:outbox holds the unpublished event").contains(id);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> gateway.get("/api/sessions/participants/" + id, organiser).status() == 404);

        stack.kill(registration);
        stack.start(registration, Map.of());
        relayDisabled = false;

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Http.Answer view = gateway.get("/api/sessions/participants/" + id, organiser);
            assertThat(view.status()).as(view.body()).isEqualTo(200);
            assertThat(view.json().path("eventsApplied").asInt()).isEqualTo(1);
            assertThat(view.json().path("attendanceMode").asString()).isEqualTo("REMOTE");
        });
        String later = register("IN_PERSON");
        await().atMost(EVENTUALLY)
                .until(() -> gateway.get("/api/sessions/participants/" + later, organiser).status() == 200);
        assertThat(gateway.get("/api/sessions/participants/" + id, organiser).json().path("eventsApplied").asInt())
                .as("applied once, even after the consumer moved past it").isEqualTo(1);
        assertThat(outboxKeys()).as("the relay acknowledged and removed the entry").doesNotContain(id);
    }

    /** Leaves the registration service running normally even when the crash test failed half-way. */
    @AfterEach
    void restoreRegistrationService() {
        String registration = App.REGISTRATION.name();
        if (relayDisabled || !stack.isRunning(registration)) {
            stack.start(registration, Map.of());
            relayDisabled = false;
        }
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() throws Exception {
        String poison = "this is not a CloudEvent " + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())))) {
            producer.send(new ProducerRecord<>(REGISTRATION_EVENTS, "poison-" + UUID.randomUUID(), poison))
                    .get(30, TimeUnit.SECONDS);
        }

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "platform-flow-tests-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName())))) {
            consumer.subscribe(List.of(REGISTRATION_EVENTS + ".dlt"));
            List<String> deadLetters = new ArrayList<>();
            await().atMost(EVENTUALLY).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    deadLetters.add(new String(record.value(), StandardCharsets.UTF_8));
                }
                return deadLetters.contains(poison);
            });
        }

        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(sessionServiceLag()).isZero());
        String after = register("REMOTE");
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Http.Answer view = gateway.get("/api/sessions/participants/" + after, organiser);
            assertThat(view.status()).as(view.body()).isEqualTo(200);
            assertThat(view.json().path("eventsApplied").asInt()).isEqualTo(1);
        });
    }

    /**
     * The participant walk-through of docs/local-stack.md: register through the gateway, be approved
     * by an organiser, find the approval in the demo mailbox, open the access link, and with the
     * token read one's own registration and nobody else's. The link works once.
     */
    @Test
    void aParticipantIsApprovedOpensTheirAccessLinkAndSeesOnlyTheirOwnRegistration() {
        String email = "amina." + UUID.randomUUID() + "@dakar.sn";
        Http.Answer created = gateway.post("/api/registrations", Http.registration(email, "REMOTE", "fr"), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String mine = created.json().path("id").asString();
        String someoneElse = register("IN_PERSON");

        Http.Answer approved = gateway.post("/api/registrations/" + mine + "/approve", "{}", organiser);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        String code = accessCodeMailedTo(email);
        Http.Answer exchanged = gateway.post("/api/registrations/access-tokens", "{\"code\":\"" + code + "\"}", null);
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
        assertThat(exchanged.json().path("registrationId").asString()).isEqualTo(mine);
        String token = exchanged.json().path("token").asString();

        Http.Answer me = gateway.get("/api/registrations/me", token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("id").asString()).isEqualTo(mine);
        assertThat(me.json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(me.json().path("attendanceMode").asString()).isEqualTo("REMOTE");
        assertThat(gateway.get("/api/registrations/" + someoneElse, token).status())
                .as("another participant's registration").isIn(403, 404);
        Http.Answer approveOther = gateway.post("/api/registrations/" + someoneElse + "/approve", "{}", token);
        assertThat(approveOther.status()).isEqualTo(403);
        assertThat(approveOther.contentType()).startsWith("application/problem+json");

        Http.Answer again = gateway.post("/api/registrations/access-tokens", "{\"code\":\"" + code + "\"}", null);
        assertThat(again.status()).as("an access link works once").isEqualTo(401);
        assertThat(again.body()).contains("problems/access-link-invalid");
    }

    /**
     * An organiser rotates the signing key through the gateway: tokens of the new key pass the
     * gateway and the session service at once (their decoders fetch the JWKS again for an unknown key
     * id), and tokens signed before the rotation keep working.
     */
    @Test
    void aSigningKeyRotationIsAcceptedByTheGatewayAndTheServicesWithoutARestart() {
        Http.Answer rotated = gateway.post("/api/registrations/signing-keys/rotation", "{}", organiser);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newKey = rotated.json().path("keyId").asString();

        String fresh = stack.demoTokens().get("organiser");

        assertThat(keyId(fresh)).isEqualTo(newKey).isNotEqualTo(keyId(organiser));
        String conference = "?conference=" + LocalStack.DEMO_CONFERENCE;
        Http.Answer withNewKey = gateway.get("/api/sessions/participants/summary" + conference, fresh);
        assertThat(withNewKey.status()).as(withNewKey.body()).isEqualTo(200);
        assertThat(gateway.get("/api/registrations/capacity" + conference, fresh).status()).isEqualTo(200);
        assertThat(gateway.get("/api/sessions/participants/summary" + conference, organiser).status())
                .as("a token signed before the rotation").isEqualTo(200);
    }

    /** The start-up banner names the demo mailbox next to the demo sign-in, at an address that answers. */
    @Test
    void theBannerPointsAtAWorkingDemoMailbox() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LocalLauncher.printBanner(new PrintStream(printed, true, StandardCharsets.UTF_8), stack, false);
        String banner = printed.toString(StandardCharsets.UTF_8);

        Matcher line = Pattern.compile("curl -s '(http://[^']+/internal/demo-mailbox\\?to=[^']+)'").matcher(banner);
        assertThat(banner).contains("Demo sign-in").contains("Demo mailbox");
        assertThat(line.find()).as(banner).isTrue();
        URI mailbox = URI.create(line.group(1));
        Http.Answer answer = new Http(mailbox).get(mailbox.toString(), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("messages").isArray()).isTrue();
    }

    /**
     * The Zoom emulator the launcher starts takes the demo app's credentials, answers Zoom's API, sends its webhooks
     * to the streaming-link service, and the banner says where it is.
     */
    @Test
    void theZoomEmulatorIsUpWithTheDemoCredentialsAndSendsWebhooksToTheStreamingLinkService() throws Exception {
        URI emulator = stack.url(App.ZOOM_EMULATOR.name());
        HttpClient client = HttpClient.newHttpClient();
        String basic = Base64.getEncoder().encodeToString("hybridconf-demo-client:hybridconf-demo-secret"
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = client.send(HttpRequest.newBuilder(emulator.resolve(
                "/oauth/token?grant_type=account_credentials&account_id=hybridconf-demo-account"))
                .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonNode answer = JsonMapper.shared().readTree(token.body());
        assertThat(answer.path("api_url").asString()).isEqualTo(stack.config().baseUrl(App.ZOOM_EMULATOR.name()));

        Http.Answer hosts = new Http(emulator).get("/v2/users", answer.path("access_token").asString());
        assertThat(hosts.status()).as(hosts.body()).isEqualTo(200);
        assertThat(hosts.json().path("users").size()).isPositive();
        Http.Answer webhooks = new Http(emulator).get("/emulator/webhooks", null);
        assertThat(webhooks.json().path("urls").get(0).asString())
                .isEqualTo(stack.config().baseUrl(App.STREAMING_LINK.name()) + "/webhooks/zoom");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LocalLauncher.printBanner(new PrintStream(printed, true, StandardCharsets.UTF_8), stack, false);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("zoom-emulator").contains(emulator.toString());
    }

    /**
     * Streaming through the local stack: the demo conferences are provisioned on the Zoom emulator (the
     * Seminar's five parallel breakouts on five distinct hosts), a remote participant signed in through the
     * access link gets their own join link for today's rehearsal through the gateway, streaming staff see
     * the day's board and get a fresh host link, and a meeting started on the emulator makes the session
     * live in the session service through Zoom's signed webhook.
     */
    @Test
    void theDemoIsProvisionedOnZoomAParticipantGetsTheirJoinLinkAndStaffSeeTheBoardAndAHostLink() {
        String email = "kofi." + UUID.randomUUID() + "@accra.gh";
        Http.Answer created = gateway.post("/api/registrations", Http.registration(email, "REMOTE", "fr"), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String mine = created.json().path("id").asString();
        assertThat(gateway.post("/api/registrations/" + mine + "/approve", "{}", organiser).status()).isEqualTo(200);
        String token = gateway.post("/api/registrations/access-tokens",
                "{\"code\":\"" + accessCodeMailedTo(email) + "\"}", null).json().path("token").asString();
        String testRoom = UUID.nameUUIDFromBytes("hybridconf-rehearsal\ntest-room".getBytes(StandardCharsets.UTF_8))
                .toString();
        String emulator = stack.url(App.ZOOM_EMULATOR.name()).toString().replaceAll("/$", "");

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Http.Answer join = gateway.get("/api/streaming/sessions/" + testRoom + "/join", token);
            assertThat(join.status()).as(join.body()).isEqualTo(200);
            assertThat(join.json().path("joinUrl").asString()).startsWith(emulator + "/w/");
            assertThat(join.body()).doesNotContain("zak=");
        });
        Http.Answer notMine = gateway.get("/api/streaming/sessions/" + testRoom + "/join",
                stack.demoTokens().get("participant"));
        assertThat(notMine.status()).as(notMine.body()).isIn(403, 404);
        assertThat(gateway.post("/api/streaming/sessions/" + testRoom + "/host-link", "{}", token).status())
                .isEqualTo(403);

        String staff = stack.demoTokens().get("streaming-staff");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Madrid")).toString();
        Http.Answer board = gateway.get("/api/streaming/board?day=" + today, staff);
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        JsonNode room = null;
        for (JsonNode row : board.json().path("rows")) {
            if (testRoom.equals(row.path("sessionId").asString())) {
                room = row;
            }
        }
        assertThat(room).as("the rehearsal test room is on today's board").isNotNull();
        assertThat(room.path("status").asString()).isIn("PROVISIONED", "LIVE", "ENDED");
        Http.Answer hostLink = gateway.post("/api/streaming/sessions/" + testRoom + "/host-link", "{}", staff);
        assertThat(hostLink.status()).as(hostLink.body()).isEqualTo(200);
        assertThat(hostLink.json().path("startUrl").asString()).startsWith(emulator).contains("zak=");

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode seminarDay = gateway.get("/api/streaming/board?day=2021-02-16", staff).json().path("rows");
            List<String> breakoutHosts = new ArrayList<>();
            for (JsonNode row : seminarDay) {
                if ("BREAK".equals(row.path("kind").asString())) {
                    continue;
                }
                assertThat(row.path("status").asString()).as(row.toString()).isEqualTo("PROVISIONED");
                if ("BREAKOUT".equals(row.path("kind").asString())) {
                    breakoutHosts.add(row.path("hostUserId").asString());
                }
            }
            assertThat(breakoutHosts).hasSize(5).doesNotHaveDuplicates();
        });

        String meetingId = room.path("meetingId").asString();
        Http zoom = new Http(stack.url(App.ZOOM_EMULATOR.name()));
        assertThat(zoom.post("/emulator/meetings/" + meetingId + "/start", "{}", null).status()).isEqualTo(200);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(gateway.get("/api/sessions/" + testRoom, token)
                .json().path("liveStatus").asString()).isEqualTo("LIVE"));
        assertThat(zoom.post("/emulator/meetings/" + meetingId + "/end", "{}", null).status()).isEqualTo(200);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(gateway.get("/api/sessions/" + testRoom, token)
                .json().path("liveStatus").asString()).isEqualTo("ENDED"));
    }

    /**
     * The demo stack's conferences each take their own registrations: the same person registers for the open
     * rehearsal on the form and, invited, for two invitation-only conferences from the source documents; each
     * registration counts in its own conference only (the session service's summary and the registration
     * service's counts), and a remote participant approved for Barcelona is registered in no Zoom meeting of the
     * rehearsal, whose test room refuses them.
     */
    @Test
    void theDemoConferencesEachTakeTheirOwnRegistrations() {
        List<String> conferences = List.of(LocalStack.DEMO_CONFERENCE, "local-action-2024", "uclg-seminar-campus-2021");
        await().atMost(EVENTUALLY).untilAsserted(() -> conferences.forEach(conference -> assertThat(gateway.get(
                "/api/registrations/settings?conference=" + conference, organiser).status()).as(conference)
                .isEqualTo(200)));
        Map<String, Long> sessionBefore = new HashMap<>();
        Map<String, Long> registrationBefore = new HashMap<>();
        for (String conference : conferences) {
            sessionBefore.put(conference, summary(conference).path("total").asLong());
            registrationBefore.put(conference, counts(conference));
        }
        String email = "fatou." + UUID.randomUUID() + "@dakar.sn";

        Http.Answer open = gateway.post("/api/registrations", Http.registration(email, "REMOTE", "fr"), null);
        Http.Answer uninvited = gateway.post("/api/registrations",
                Http.registration("local-action-2024", email, "REMOTE", "fr", null), null);
        Http.Answer barcelona = gateway.post("/api/registrations", Http.registration("local-action-2024", email,
                "REMOTE", "fr", invite("local-action-2024", email, true)), null);
        Http.Answer seminar = gateway.post("/api/registrations", Http.registration("uclg-seminar-campus-2021", email,
                "REMOTE", "fr", invite("uclg-seminar-campus-2021", email, false)), null);

        assertThat(open.status()).as(open.body()).isEqualTo(201);
        assertThat(uninvited.status()).as("Barcelona is by invitation only").isEqualTo(403);
        assertThat(barcelona.status()).as(barcelona.body()).isEqualTo(201);
        assertThat(barcelona.json().path("status").asString()).as("its invitation skips review").isEqualTo("APPROVED");
        assertThat(seminar.status()).as(seminar.body()).isEqualTo(201);
        assertThat(seminar.json().path("status").asString()).isEqualTo("PENDING");
        for (String conference : conferences) {
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(summary(conference).path("total").asLong())
                    .as(conference).isEqualTo(sessionBefore.get(conference) + 1));
            assertThat(counts(conference)).as(conference).isEqualTo(registrationBefore.get(conference) + 1);
        }

        String barcelonaId = barcelona.json().path("id").asString();
        String token = gateway.post("/api/registrations/access-tokens",
                "{\"code\":\"" + accessCodeMailedTo(email) + "\"}", null).json().path("token").asString();
        String testRoom = UUID.nameUUIDFromBytes("hybridconf-rehearsal\ntest-room".getBytes(StandardCharsets.UTF_8))
                .toString();
        assertThat(gateway.get("/api/registrations/me", token).json().path("conferenceId").asString())
                .isEqualTo("local-action-2024");
        Http.Answer refused = gateway.get("/api/streaming/sessions/" + testRoom + "/join", token);
        assertThat(refused.status()).as("the rehearsal's test room is not Barcelona's: " + refused.body()).isEqualTo(403);
        String staff = stack.demoTokens().get("streaming-staff");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Madrid")).toString();
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            String meetingId = null;
            for (JsonNode row : gateway.get("/api/streaming/board?day=" + today, staff).json().path("rows")) {
                if (testRoom.equals(row.path("sessionId").asString())) {
                    meetingId = row.path("meetingId").asString();
                }
            }
            assertThat(meetingId).as("the test room's meeting").isNotBlank();
            Http.Answer registrants = new Http(stack.url(App.ZOOM_EMULATOR.name()))
                    .get("/emulator/meetings/" + meetingId + "/registrants", null);
            assertThat(registrants.status()).as(registrants.body()).isEqualTo(200);
            assertThat(registrants.body()).as("no Zoom registrant for Barcelona's participant in the rehearsal")
                    .doesNotContain(barcelonaId);
        });
    }

    /** An organiser's invitation to {@code conference} for {@code email}; returns its code. */
    private static String invite(String conference, String email, boolean skipReview) {
        return flow.invite(conference, email, List.of(), skipReview);
    }

    /** How many registrations the registration service lists for {@code conference}. */
    private static long counts(String conference) {
        Http.Answer counts = gateway.get("/api/registrations/counts?conference=" + conference, organiser);
        assertThat(counts.status()).as(counts.body()).isEqualTo(200);
        return counts.json().path("total").asLong();
    }

    private static String accessCodeMailedTo(String email) {
        return flow.accessCodeMailedTo(email);
    }

    /** The {@code kid} in a token's header. */
    private static String keyId(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        return JsonMapper.shared().readTree(header).path("kid").asString();
    }

    private static String register(String attendanceMode) {
        Http.Answer created = gateway.post("/api/registrations", Http.registration(attendanceMode, "en"), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static JsonNode summary() {
        return summary(LocalStack.DEMO_CONFERENCE);
    }

    private static JsonNode summary(String conference) {
        Http.Answer answer = gateway.get("/api/sessions/participants/summary?conference=" + conference, organiser);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The aggregate keys of the entries now in the registration service's outbox stream. */
    private static List<String> outboxKeys() {
        StackConfig config = stack.config();
        try (RedisClient redis = RedisClient.create(config.redisHost(), config.redisPort())) {
            List<String> keys = new ArrayList<>();
            for (StreamEntry entry : redis.xrange("registration:outbox", "-", "+")) {
                keys.add(entry.getFields().get("key"));
            }
            return keys;
        }
    }

    /** Records on registration.events that the session-service group has not committed yet. */
    private static long sessionServiceLag() throws Exception {
        try (Admin admin = Admin.create(kafka(Map.of()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("session-service")
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            int partitions = admin.describeTopics(List.of(REGISTRATION_EVENTS)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(REGISTRATION_EVENTS).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                latest.put(new TopicPartition(REGISTRATION_EVENTS, partition), OffsetSpec.latest());
            }
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata position = committed.get(end.getKey());
                lag += end.getValue().offset() - (position == null ? 0 : position.offset());
            }
            return lag;
        }
    }

    private static Properties kafka(Map<String, Object> settings) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.config().kafkaBootstrapServers());
        properties.putAll(settings);
        return properties;
    }
}
