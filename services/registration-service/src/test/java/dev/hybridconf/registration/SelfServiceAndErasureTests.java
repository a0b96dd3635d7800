package dev.hybridconf.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Participants change their own registration (mode, languages, needs) within capacity; organisers
 * grant roles, decide sponsorship and erase participants. Two in-person places only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "platform.registration.capacity.in-person=2", "platform.registration.capacity.remote=100"})
@PlatformInfrastructure
@Import(TestConferences.Published.class)
class SelfServiceAndErasureTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    TopicNames topics;

    @Autowired
    RedisStore store;

    private RegistrationHttp api;

    @BeforeEach
    void client() {
        api = new RegistrationHttp(port, tokens);
    }

    @Test
    void anApprovedParticipantMovesToTheRoomOnlyWhileItHasPlacesAndNothingChangesWhenItIsFull() throws Exception {
        String[] inRoom = {approved("IN_PERSON"), approved("IN_PERSON")};
        String remote = approved("REMOTE");

        HttpResponse<String> refused = patchMine(remote, "{\"attendanceMode\":\"IN_PERSON\",\"preferredLanguage\":\"es\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("problems/capacity-reached");
        JsonNode unchanged = mine(remote);
        assertThat(unchanged.get("attendanceMode").asString()).isEqualTo("REMOTE");
        assertThat(unchanged.get("preferredLanguage").asString()).as("nothing half-written").isEqualTo("en");

        assertThat(api.post("/api/registrations/me/cancel", api.participant(inRoom[0])).statusCode()).isEqualTo(200);
        long remoteBefore = countApproved("REMOTE");
        HttpResponse<String> moved = patchMine(remote,
                "{\"attendanceMode\":\"IN_PERSON\",\"preferredLanguage\":\"es\",\"interpretationNeeded\":true,"
                        + "\"interpretationLanguage\":\"en\",\"accessibilityNeeds\":\"Step-free access\"}");

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode now = api.json(moved);
        assertThat(now.get("attendanceMode").asString()).isEqualTo("IN_PERSON");
        assertThat(now.get("interpretationLanguage").asString()).isEqualTo("en");
        assertThat(now.get("accessibilityNeeds").asString()).isEqualTo("Step-free access");
        assertThat(countApproved("IN_PERSON")).isEqualTo(2);
        assertThat(countApproved("REMOTE")).as("the remote place was given back").isEqualTo(remoteBefore - 1);

        JsonNode attendance = data(event(remote, "registration.attendance-changed.v1"));
        assertThat(attendance.get("previousMode").asString()).isEqualTo("REMOTE");
        assertThat(attendance.get("attendanceMode").asString()).isEqualTo("IN_PERSON");
        assertThat(attendance.get("status").asString()).isEqualTo("APPROVED");
        JsonNode language = data(event(remote, "registration.language-changed.v1"));
        assertThat(language.get("preferredLanguage").asString()).isEqualTo("es");
        assertThat(language.get("interpretationLanguage").asString()).isEqualTo("en");
        assertThat(event(remote, "registration.language-changed.v1")).as("needs stay in this service")
                .doesNotContain("Step-free");
    }

    @Test
    void badUpdatesAreNamedAndAParticipantCannotReachOrganiserEndpoints() {
        String id = approved("REMOTE");
        String token = api.participant(id);

        HttpResponse<String> bad = patchMine(id, "{\"preferredLanguage\":\"de\",\"timeZone\":\"Mars/Olympus\","
                + "\"interpretationNeeded\":true}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("preferredLanguage").contains("timeZone").contains("interpretationLanguage");

        String other = approved("REMOTE");
        assertThat(api.get("/api/registrations/" + other, token).statusCode()).isEqualTo(404);
        for (String[] call : List.of(new String[] {"POST", "/api/registrations/" + other + "/approve"},
                new String[] {"POST", "/api/registrations/bulk"}, new String[] {"PUT", "/api/registrations/" + other + "/roles"},
                new String[] {"POST", "/api/registrations/" + other + "/sponsorship"},
                new String[] {"DELETE", "/api/registrations/" + other}, new String[] {"GET", "/api/registrations/capacity"})) {
            assertThat(api.sendJson(call[0], call[1], token, "{}").statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
        }
    }

    @Test
    void organisersGrantRolesAndDecideSponsorshipEachAnEvent() throws Exception {
        String email = "s." + UUID.randomUUID() + "@freetown.gov.sl";
        HttpResponse<String> created = api.submit(RegistrationHttp.form(email, "REMOTE", "en",
                "\"sponsorshipRequested\":true,\"sponsorshipJustification\":\"Intermediary city, no travel budget\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = api.json(created).get("id").asString();
        assertThat(api.json(created).get("sponsorship").asString()).isEqualTo("REQUESTED");

        HttpResponse<String> roles = api.sendJson("PUT", "/api/registrations/" + id + "/roles", api.organiser(),
                "{\"roles\":[\"rapporteur\",\"moderator\"]}");
        assertThat(roles.statusCode()).as(roles.body()).isEqualTo(200);
        assertThat(api.json(roles).get("roles").toString()).isEqualTo("[\"moderator\",\"participant\",\"rapporteur\"]");
        assertThat(data(event(id, "registration.roles-changed.v1")).get("roles").toString())
                .isEqualTo("[\"moderator\",\"participant\",\"rapporteur\"]");

        HttpResponse<String> granted = api.sendJson("POST", "/api/registrations/" + id + "/sponsorship", api.organiser(),
                "{\"decision\":\"GRANTED\"}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(data(event(id, "registration.sponsorship-decided.v1")).get("decision").asString()).isEqualTo("GRANTED");

        String notAsked = api.register("REMOTE", "en");
        HttpResponse<String> refused = api.sendJson("POST", "/api/registrations/" + notAsked + "/sponsorship",
                api.organiser(), "{\"decision\":\"GRANTED\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("problems/no-sponsorship-request");
        HttpResponse<String> noJustification = api.submit(RegistrationHttp.form("n." + UUID.randomUUID() + "@x.org",
                "REMOTE", "en", "\"sponsorshipRequested\":true"));
        assertThat(noJustification.statusCode()).isEqualTo(400);
        assertThat(noJustification.body()).contains("sponsorshipJustification");
    }

    @Test
    void bulkApprovalStopsAtCapacityAndReportsEachRegistration() {
        List<String> ids = List.of(api.register("REMOTE", "en"), api.register("REMOTE", "fr"), api.register("REMOTE", "es"));
        String unknown = UUID.randomUUID().toString();
        String body = "{\"action\":\"APPROVE\",\"ids\":[\"%s\",\"%s\",\"%s\",\"%s\"]}".formatted(ids.get(0), ids.get(1),
                ids.get(2), unknown);

        HttpResponse<String> response = api.sendJson("POST", "/api/registrations/bulk", api.organiser(), body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = api.json(response);
        assertThat(result.get("succeeded").asInt()).isEqualTo(3);
        assertThat(result.get("failed").asInt()).isEqualTo(1);
        assertThat(result.get("results").get(3).get("problem").asString()).isEqualTo("not-found");
        ids.forEach(id -> assertThat(api.status(id)).isEqualTo("APPROVED"));

        HttpResponse<String> again = api.sendJson("POST", "/api/registrations/bulk", api.organiser(),
                "{\"action\":\"REJECT\",\"ids\":[\"" + ids.get(0) + "\"]}");
        assertThat(api.json(again).get("results").get(0).get("problem").asString()).isEqualTo("illegal-transition");
    }

    @Test
    void erasureRemovesEveryPersonalDetailFreesThePlaceAndTellsEveryService() throws Exception {
        String email = "erase.me." + UUID.randomUUID() + "@lyon.fr";
        String name = "Zéphyrine Oubliée";
        String id = api.register(email, name, "REMOTE", "fr");
        assertThat(api.review(id, "approve", api.organiser()).statusCode()).isEqualTo(200);
        long heldBefore = countApproved("REMOTE");

        HttpResponse<String> erased = api.sendJson("DELETE", "/api/registrations/" + id, api.organiser(), null);

        assertThat(erased.statusCode()).isEqualTo(204);
        assertThat(api.get("/api/registrations/" + id, api.organiser()).statusCode()).isEqualTo(404);
        assertThat(keysHolding(email, name)).as("no personal detail left in Redis").isEmpty();
        assertThat(countApproved("REMOTE")).isEqualTo(heldBefore - 1);
        String event = event(id, "participant.erased.v1");
        EventSchemaAssertions.assertValidEvent(event);
        assertThat(data(event).get("placeReleased").asBoolean()).isTrue();
        assertThat(event).doesNotContain(email).doesNotContain("Zéphyrine");
        assertThat(api.sendJson("DELETE", "/api/registrations/" + id, api.organiser(), null).statusCode()).isEqualTo(404);
        assertThat(api.submit(RegistrationHttp.form(email, "REMOTE", "fr", null)).statusCode())
                .as("the address is free again").isEqualTo(201);
    }

    /** Keys whose name or value holds the e-mail or the name (the outbox stream excepted: it holds no personal data). */
    private List<String> keysHolding(String email, String name) {
        List<String> found = new java.util.ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = store.redis().scan(cursor, new ScanParams().match(store.keys().prefix() + "*").count(500));
            for (String key : page.getResult()) {
                String type = store.redis().type(key);
                String content = switch (type) {
                    case "hash" -> store.redis().hgetAll(key).toString();
                    case "string" -> store.redis().get(key);
                    case "zset" -> store.redis().zrange(key, 0, -1).toString();
                    default -> "";
                };
                if (key.contains(email) || content != null && (content.contains(email) || content.contains(name))) {
                    found.add(key);
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return found;
    }

    private long countApproved(String mode) {
        return api.json(api.get("/api/registrations/capacity", api.organiser())).get("modes").get(mode).get("approved").asLong();
    }

    private String approved(String mode) {
        String id = api.register(mode, "en");
        HttpResponse<String> approval = api.review(id, "approve", api.organiser());
        assertThat(approval.statusCode()).as(approval.body()).isEqualTo(200);
        return id;
    }

    private HttpResponse<String> patchMine(String id, String body) {
        return api.sendJson("PATCH", "/api/registrations/me", api.participant(id), body);
    }

    private JsonNode mine(String id) {
        return api.json(api.get("/api/registrations/me", api.participant(id)));
    }

    private String event(String id, String type) {
        return KafkaProbe.shared().eventOfType(topics.physical("registration.events"), id, type, DEADLINE);
    }

    private static JsonNode data(String event) {
        return new ObjectMapper().readTree(event).get("data");
    }
}
