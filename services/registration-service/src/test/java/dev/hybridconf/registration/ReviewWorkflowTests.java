package dev.hybridconf.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Organisers review registrations over real HTTP, on a real Redis and Kafka broker. Remote places
 * are few here (4) so that concurrent approvals on two replicas compete for them; only the capacity
 * test uses them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "platform.registration.capacity.remote=4", "platform.registration.capacity.in-person=100"})
@PlatformInfrastructure
@Import(TestConferences.Published.class)
class ReviewWorkflowTests {

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    TopicNames topics;

    @Autowired
    Environment environment;

    private RegistrationHttp api;

    @BeforeEach
    void client() {
        api = new RegistrationHttp(port, tokens);
    }

    @Test
    void approvalGivesAPlaceAndPublishesWhatDownstreamServicesNeed() throws Exception {
        String id = register("IN_PERSON");

        HttpResponse<String> approved = post(id, "approve", organiser());

        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(api.json(approved).get("status").asString()).isEqualTo("APPROVED");
        String event = eventOfType(id, "registration.approved.v1");
        EventSchemaAssertions.assertValidEvent(event);
        JsonNode data = new ObjectMapper().readTree(event).get("data");
        assertThat(data.get("attendanceMode").asString()).isEqualTo("IN_PERSON");
        assertThat(data.get("roles").get(0).asString()).isEqualTo("participant");
        assertThat(event).doesNotContain("@");
    }

    @Test
    void everyTransitionIsAnEventThatMatchesItsSchema() throws Exception {
        String waitlisted = register("IN_PERSON");
        String rejected = register("IN_PERSON");
        String cancelled = register("IN_PERSON");

        assertThat(post(waitlisted, "waitlist", organiser()).statusCode()).isEqualTo(200);
        assertThat(post(rejected, "reject", organiser()).statusCode()).isEqualTo(200);
        assertThat(post(cancelled, "approve", organiser()).statusCode()).isEqualTo(200);
        assertThat(post(cancelled, "cancel", organiser()).statusCode()).isEqualTo(200);

        EventSchemaAssertions.assertValidEvent(eventOfType(waitlisted, "registration.waitlisted.v1"));
        EventSchemaAssertions.assertValidEvent(eventOfType(rejected, "registration.rejected.v1"));
        String cancellation = eventOfType(cancelled, "registration.cancelled.v1");
        EventSchemaAssertions.assertValidEvent(cancellation);
        assertThat(new ObjectMapper().readTree(cancellation).get("data").get("placeReleased").asBoolean()).isTrue();
    }

    @Test
    void illegalMovesAreConflictsThatChangeNothing() throws Exception {
        String id = register("IN_PERSON");
        assertThat(post(id, "reject", organiser()).statusCode()).isEqualTo(200);

        HttpResponse<String> approveRejected = post(id, "approve", organiser());
        HttpResponse<String> waitlistRejected = post(id, "waitlist", organiser());

        assertThat(approveRejected.statusCode()).isEqualTo(409);
        assertThat(approveRejected.body()).contains("problems/illegal-transition").contains("REJECTED");
        assertThat(waitlistRejected.statusCode()).isEqualTo(409);
        assertThat(status(id)).isEqualTo("REJECTED");
    }

    @Test
    void onlyOrganisersReviewAndUnknownRegistrationsAreNotFound() throws Exception {
        String id = register("IN_PERSON");
        String participant = tokens.issue("participant-" + UUID.randomUUID(), List.of("participant"), "fr");

        assertThat(post(id, "approve", participant).statusCode()).isEqualTo(403);
        assertThat(post(id, "approve", null).statusCode()).isEqualTo(401);
        assertThat(post(UUID.randomUUID().toString(), "approve", organiser()).statusCode()).isEqualTo(404);
        assertThat(status(id)).isEqualTo("PENDING");
    }

    @Test
    void concurrentApprovalsOnTwoReplicasNeverOversellAndACancellationFreesAPlace() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(register("REMOTE"));
        }
        List<Integer> statuses = new ArrayList<>();
        // A second replica of the service on the same Redis and Kafka, as in a scaled-out deployment.
        try (ConfigurableApplicationContext replica = new SpringApplicationBuilder(RegistrationServiceApplication.class)
                .run(replicaArguments())) {
            RegistrationHttp other = new RegistrationHttp(
                    ((WebServerApplicationContext) replica).getWebServer().getPort(), tokens);
            List<Callable<Integer>> approvals = new ArrayList<>();
            for (String id : ids) {
                // Two organisers approve the same list at the same moment, one on each replica.
                approvals.add(() -> post(id, "approve", organiser()).statusCode());
                approvals.add(() -> other.review(id, "approve", organiser()).statusCode());
            }
            ExecutorService pool = Executors.newFixedThreadPool(12);
            try {
                for (Future<Integer> result : pool.invokeAll(approvals)) {
                    statuses.add(result.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(4);
        assertThat(statuses).allMatch(s -> s == 200 || s == 409);
        List<String> approved = ids.stream().filter(id -> statusUnchecked(id).equals("APPROVED")).toList();
        assertThat(approved).hasSize(4);
        assertThat(capacity("REMOTE").get("approved").asLong()).isEqualTo(4);
        assertThat(capacity("REMOTE").get("available").asLong()).isZero();
        String waiting = ids.stream().filter(id -> statusUnchecked(id).equals("PENDING")).findFirst().orElseThrow();
        HttpResponse<String> full = post(waiting, "approve", organiser());
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.body()).contains("problems/capacity-reached");
        assertThat(statusUnchecked(waiting)).isEqualTo("PENDING");

        assertThat(post(approved.get(0), "cancel", organiser()).statusCode()).isEqualTo(200);
        String next = ids.stream().filter(id -> statusUnchecked(id).equals("PENDING")).findFirst().orElseThrow();
        HttpResponse<String> promoted = post(next, "approve", organiser());

        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        assertThat(capacity("REMOTE").get("approved").asLong()).isEqualTo(4);
    }

    @Test
    void conflictsAreExplainedInTheCallersLanguage() throws Exception {
        String id = register("IN_PERSON");
        post(id, "cancel", organiser());

        HttpResponse<String> answer = api.send(api.request("/api/registrations/" + id + "/approve", organiser())
                .header("Accept-Language", "fr").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("Une inscription à l'état CANCELLED ne peut pas passer à l'état APPROVED.");
    }

    /** The replica's settings: this context's infrastructure and namespace, its own free port, no relay of its own. */
    private String[] replicaArguments() {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        for (String name : List.of("spring.kafka.bootstrap-servers", "platform.redis.host", "platform.redis.port",
                "platform.namespace", "platform.registration.capacity.remote", "platform.registration.capacity.in-person",
                "platform.security.jwk-set-uri", "platform.security.issuer")) {
            String value = environment.getProperty(name);
            if (value != null) {
                properties.put(name, value);
            }
        }
        properties.put("server.port", "0");
        properties.put("platform.outbox.relay-enabled", "false");
        properties.put("spring.kafka.listener.auto-startup", "false");
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private String organiser() {
        return api.organiser();
    }

    private String register(String mode) {
        return api.register("k." + UUID.randomUUID() + "@accra.gov.gh", "Kwame Mensah", mode, "en");
    }

    private HttpResponse<String> post(String id, String action, String token) {
        return api.review(id, action, token);
    }

    private String status(String id) {
        return api.status(id);
    }

    private String statusUnchecked(String id) {
        return api.status(id);
    }

    private JsonNode capacity(String mode) {
        return api.json(api.get("/api/registrations/capacity", organiser())).get("modes").get(mode);
    }

    private String eventOfType(String id, String type) {
        return KafkaProbe.shared().eventOfType(topics.physical("registration.events"), id, type, Duration.ofSeconds(30));
    }
}
