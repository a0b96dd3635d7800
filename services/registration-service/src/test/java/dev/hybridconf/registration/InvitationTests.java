package dev.hybridconf.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Organisers invite people; an invitation-only conference admits nobody else. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class InvitationTests {

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    TopicNames topics;

    private RegistrationHttp api;

    @BeforeEach
    void invitationOnly() {
        api = new RegistrationHttp(port, tokens);
        assertThat(settings(true).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void open() {
        settings(false);
    }

    @Test
    void anInvitationOnlyConferenceRefusesRegistrationsWithoutAValidInvitation() {
        String email = "guest." + UUID.randomUUID() + "@quito.gob.ec";

        HttpResponse<String> uninvited = api.submit(RegistrationHttp.form(email, "REMOTE", "es", null));
        assertThat(uninvited.statusCode()).isEqualTo(403);
        assertThat(uninvited.body()).contains("problems/invitation-required");

        HttpResponse<String> madeUp = api.submit(RegistrationHttp.form(email, "REMOTE", "es", "\"invitationCode\":\"made-up\""));
        assertThat(madeUp.statusCode()).isEqualTo(422);
        assertThat(madeUp.body()).contains("problems/invitation-invalid");

        String othersCode = invite("someone.else." + UUID.randomUUID() + "@quito.gob.ec", List.of(), false).get("code").asString();
        HttpResponse<String> borrowed = api.submit(RegistrationHttp.form(email, "REMOTE", "es",
                "\"invitationCode\":\"" + othersCode + "\""));
        assertThat(borrowed.statusCode()).as("an invitation is for the address it was sent to").isEqualTo(422);
        assertThat(api.get("/api/registrations/settings", api.organiser()).body()).contains("\"invitationOnly\":true");
    }

    @Test
    void anInvitationThatSkipsReviewApprovesAtOnceWithItsRolesAndWorksOnlyOnce() throws Exception {
        String email = "Moderator." + UUID.randomUUID() + "@dakar.sn";
        JsonNode invitation = invite(email, List.of("moderator"), true);
        assertThat(invitation.get("link").asString()).contains("?invitation=" + invitation.get("code").asString());
        String code = invitation.get("code").asString();

        HttpResponse<String> registered = api.submit(RegistrationHttp.form(email.toLowerCase(), "REMOTE", "fr",
                "\"invitationCode\":\"" + code + "\""));

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode registration = api.json(registered);
        assertThat(registration.get("status").asString()).isEqualTo("APPROVED");
        assertThat(registration.get("roles").toString()).isEqualTo("[\"moderator\",\"participant\"]");
        String approved = KafkaProbe.shared().eventOfType(topics.physical("registration.events"),
                registration.get("id").asString(), "registration.approved.v1", Duration.ofSeconds(30));
        EventSchemaAssertions.assertValidEvent(approved);
        assertThat(new ObjectMapper().readTree(approved).get("data").get("roles").toString()).contains("moderator");

        JsonNode used = api.json(api.get("/api/registrations/invitations/" + invitation.get("invitation").get("id").asString(),
                api.organiser()));
        assertThat(used.get("status").asString()).isEqualTo("USED");
        assertThat(used.get("registrationId").asString()).isEqualTo(registration.get("id").asString());
        assertThat(used.toString()).as("the code is never shown again").doesNotContain(code);

        api.post("/api/registrations/me/cancel", api.participant(registration.get("id").asString()));
        HttpResponse<String> reused = api.submit(RegistrationHttp.form("other." + UUID.randomUUID() + "@dakar.sn",
                "REMOTE", "fr", "\"invitationCode\":\"" + code + "\""));
        assertThat(reused.statusCode()).isEqualTo(422);
    }

    @Test
    void aRevokedInvitationNoLongerAdmitsAndAnAddressIsInvitedOnce() {
        String email = "revoked." + UUID.randomUUID() + "@accra.gov.gh";
        JsonNode invitation = invite(email, List.of(), false);
        HttpResponse<String> again = api.sendJson("POST", "/api/registrations/invitations", api.organiser(),
                "{\"email\":\"" + email + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("problems/already-invited");

        String id = invitation.get("invitation").get("id").asString();
        HttpResponse<String> revoked = api.sendJson("DELETE", "/api/registrations/invitations/" + id, api.organiser(), null);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(api.json(revoked).get("status").asString()).isEqualTo("REVOKED");

        HttpResponse<String> refused = api.submit(RegistrationHttp.form(email, "IN_PERSON", "en",
                "\"invitationCode\":\"" + invitation.get("code").asString() + "\""));
        assertThat(refused.statusCode()).isEqualTo(422);
    }

    @Test
    void onlyOrganisersInviteAndChangeTheRules() {
        String participant = api.participant(UUID.randomUUID().toString());
        assertThat(api.sendJson("POST", "/api/registrations/invitations", participant, "{\"email\":\"x@example.org\"}")
                .statusCode()).isEqualTo(403);
        assertThat(api.sendJson("PUT", "/api/registrations/settings", participant, "{\"invitationOnly\":false}")
                .statusCode()).isEqualTo(403);
        assertThat(api.get("/api/registrations/invitations", participant).statusCode()).isEqualTo(403);
        HttpResponse<String> bad = api.sendJson("POST", "/api/registrations/invitations", api.organiser(),
                "{\"email\":\"not-an-address\",\"roles\":[\"king\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("email").contains("roles");
    }

    private JsonNode invite(String email, List<String> roles, boolean skipReview) {
        String rolesJson = roles.stream().map(r -> "\"" + r + "\"").reduce((a, b) -> a + "," + b).orElse("");
        HttpResponse<String> response = api.sendJson("POST", "/api/registrations/invitations", api.organiser(),
                "{\"email\":\"%s\",\"roles\":[%s],\"skipReview\":%s}".formatted(email, rolesJson, skipReview));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return api.json(response);
    }

    private HttpResponse<String> settings(boolean invitationOnly) {
        return api.sendJson("PUT", "/api/registrations/settings", api.organiser(),
                "{\"invitationOnly\":" + invitationOnly + "}");
    }
}
