package dev.hybridconf.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.registration.identity.AccessLinks;
import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An approved participant opens their access link, gets a token, and with it sees their own
 * registration and nobody else's (real HTTP, real Redis and Kafka).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "platform.identity.portal-url=https://portal.example.org/")
@PlatformInfrastructure
@Import(TestConferences.Published.class)
class AccessLinkTests {

    @LocalServerPort
    int port;

    @Autowired
    AccessLinks links;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    RedisStore store;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anApprovedParticipantExchangesTheirLinkOnceAndSeesOnlyTheirOwnRegistration() throws Exception {
        String mine = approvedRegistration("fr");
        String someoneElse = approvedRegistration("es");
        URI link = links.issue(mine);
        assertThat(link.toString()).startsWith("https://portal.example.org/?access=");
        String code = link.getQuery().substring("access=".length());

        HttpResponse<String> exchanged = exchange(code);

        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        JsonNode body = json.readTree(exchanged.body());
        assertThat(body.get("registrationId").asString()).isEqualTo(mine);
        assertThat(body.get("conferenceId").asString()).as("the portal learns which conference the token is for")
                .isEqualTo(TestConferences.CONFERENCE);
        String token = body.get("token").asString();
        HttpResponse<String> me = get("/api/registrations/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("id").asString()).isEqualTo(mine);
        assertThat(get("/api/registrations/" + mine, token).statusCode()).isEqualTo(200);
        assertThat(get("/api/registrations/" + someoneElse, token).statusCode()).isEqualTo(404);
        assertThat(post("/api/registrations/" + someoneElse + "/approve", token).statusCode()).isEqualTo(403);
        assertThat(get("/api/registrations/capacity", token).statusCode()).isEqualTo(403);

        HttpResponse<String> again = exchange(code);
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.body()).contains("problems/access-link-invalid");
    }

    @Test
    void aParticipantCancelsTheirOwnRegistrationAndFreesTheirPlace() throws Exception {
        String mine = approvedRegistration("es");
        String code = links.issue(mine).getQuery().substring("access=".length());
        String token = json.readTree(exchange(code).body()).get("token").asString();
        long approvedBefore = approvedRemote();

        HttpResponse<String> cancelled = post("/api/registrations/me/cancel", token);

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json.readTree(cancelled.body()).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(approvedRemote()).isEqualTo(approvedBefore - 1);
        assertThat(post("/api/registrations/me/cancel", token).statusCode()).isEqualTo(409);
    }

    @Test
    void unknownCodesAndLinksOfRegistrationsWithoutAPlaceGiveNoToken() throws Exception {
        assertThat(exchange("not-a-real-code").statusCode()).isEqualTo(401);
        String cancelled = approvedRegistration("en");
        URI link = links.issue(cancelled);
        assertThat(post("/api/registrations/" + cancelled + "/cancel", organiser()).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = exchange(link.getQuery().substring("access=".length()));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(exchangeBody("{}").statusCode()).isEqualTo(400);
    }

    @Test
    void onlyAHashOfTheCodeIsStored() {
        String id = UUID.randomUUID().toString();
        String code = links.issue(id).getQuery().substring("access=".length());

        var keys = store.redis().keys(store.keys().key("access-code", "*"));
        assertThat(keys).isNotEmpty().noneMatch(key -> key.contains(code));
    }

    private String approvedRegistration(String language) {
        RegistrationHttp api = new RegistrationHttp(port, tokens);
        String id = api.register("l." + UUID.randomUUID() + "@medellin.gov.co", "Lucía Gómez", "REMOTE", language);
        assertThat(api.review(id, "approve", api.organiser()).statusCode()).isEqualTo(200);
        return id;
    }

    private long approvedRemote() throws Exception {
        return json.readTree(get("/api/registrations/capacity", organiser()).body())
                .get("modes").get("REMOTE").get("approved").asLong();
    }

    private String organiser() {
        return new RegistrationHttp(port, tokens).organiser();
    }

    private HttpResponse<String> exchange(String code) throws Exception {
        return exchangeBody("{\"code\":\"" + code + "\"}");
    }

    private HttpResponse<String> exchangeBody(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(url("/api/registrations/access-tokens"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)).build(),
                BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(url(RegistrationHttp.scoped(path))).header("Authorization",
                "Bearer " + token).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + token)
                .POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
