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
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.hybridconf.contracts.session.RegistrationTerms;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Organisers invite people to a conference; a conference the session service publishes as invitation-only
 * admits nobody else, while another conference on the same platform stays open.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
@Import(TestConferences.Published.class)
class InvitationTests {

    /** Published invitation-only by the session service (as the demo conferences are). */
    static final String INVITED = "invitation-only-2026";

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    TopicNames topics;

    @Autowired
    TestConferences conferences;

    private RegistrationHttp api;

    @BeforeEach
    void invitationOnly() {
        api = new RegistrationHttp(port, tokens);
        conferences.publish(INVITED, true, RegistrationTerms.UNSTATED);
    }

    @Test
    void anInvitationOnlyConferenceRefusesRegistrationsWithoutAValidInvitation() {
        String email = "guest." + UUID.randomUUID() + "@quito.gob.ec";

        HttpResponse<String> uninvited = api.submit(RegistrationHttp.form(INVITED, email, "REMOTE", "es", null));
        assertThat(uninvited.statusCode()).isEqualTo(403);
        assertThat(uninvited.body()).contains("problems/invitation-required");

        HttpResponse<String> madeUp = api.submit(RegistrationHttp.form(INVITED, email, "REMOTE", "es",
                "\"invitationCode\":\"made-up\""));
        assertThat(madeUp.statusCode()).isEqualTo(422);
        assertThat(madeUp.body()).contains("problems/invitation-invalid");

        String othersCode = invite(INVITED, "someone.else." + UUID.randomUUID() + "@quito.gob.ec", List.of(), false)
                .get("code").asString();
        HttpResponse<String> borrowed = api.submit(RegistrationHttp.form(INVITED, email, "REMOTE", "es",
                "\"invitationCode\":\"" + othersCode + "\""));
        assertThat(borrowed.statusCode()).as("an invitation is for the address it was sent to").isEqualTo(422);
        assertThat(api.get("/api/registrations/settings?conference=" + INVITED, api.organiser()).body())
                .contains("\"invitationOnly\":true");
    }

    @Test
    void invitationOnlyIsEachConferencesOwn() {
        String email = "open.door." + UUID.randomUUID() + "@medellin.gov.co";

        HttpResponse<String> refused = api.submit(RegistrationHttp.form(INVITED, email, "REMOTE", "es", null));
        HttpResponse<String> admitted = api.submit(RegistrationHttp.form(TestConferences.CONFERENCE, email, "REMOTE",
                "es", null));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(201);
        assertThat(api.json(admitted).get("conferenceId").asString()).isEqualTo(TestConferences.CONFERENCE);
        assertThat(api.get("/api/registrations/settings?conference=" + TestConferences.CONFERENCE, api.organiser())
                .body()).contains("\"invitationOnly\":false");

        String later = "later." + UUID.randomUUID() + "@medellin.gov.co";
        String closing = "closing-doors-" + UUID.randomUUID().toString().substring(0, 8);
        conferences.publish(closing, false, RegistrationTerms.UNSTATED);
        assertThat(api.submit(RegistrationHttp.form(closing, later, "REMOTE", "es", null)).statusCode()).isEqualTo(201);
        conferences.update(closing, true, RegistrationTerms.UNSTATED);
        HttpResponse<String> nowRefused = api.submit(RegistrationHttp.form(closing, "third." + later, "REMOTE", "es",
                null));
        assertThat(nowRefused.statusCode()).as("the conference became invitation-only").isEqualTo(403);
    }

    @Test
    void anInvitationThatSkipsReviewApprovesAtOnceWithItsRolesAndWorksOnlyOnce() throws Exception {
        String email = "Moderator." + UUID.randomUUID() + "@dakar.sn";
        JsonNode invitation = invite(INVITED, email, List.of("moderator"), true);
        assertThat(invitation.get("link").asString()).contains("?invitation=" + invitation.get("code").asString())
                .contains("conference=" + INVITED);
        assertThat(invitation.get("invitation").get("conferenceId").asString()).isEqualTo(INVITED);
        String code = invitation.get("code").asString();

        HttpResponse<String> registered = api.submit(RegistrationHttp.form(INVITED, email.toLowerCase(), "REMOTE", "fr",
                "\"invitationCode\":\"" + code + "\""));

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode registration = api.json(registered);
        assertThat(registration.get("status").asString()).isEqualTo("APPROVED");
        assertThat(registration.get("conferenceId").asString()).isEqualTo(INVITED);
        assertThat(registration.get("roles").toString()).isEqualTo("[\"moderator\",\"participant\"]");
        String approved = KafkaProbe.shared().eventOfType(topics.physical("registration.events"),
                registration.get("id").asString(), "registration.approved.v1", Duration.ofSeconds(30));
        EventSchemaAssertions.assertValidEvent(approved);
        JsonNode data = new ObjectMapper().readTree(approved).get("data");
        assertThat(data.get("roles").toString()).contains("moderator");
        assertThat(data.get("conferenceId").asString()).isEqualTo(INVITED);
        String issued = KafkaProbe.shared().eventOfType(topics.physical("registration.events"),
                invitation.get("invitation").get("id").asString(), "invitation.issued.v1", Duration.ofSeconds(30));
        EventSchemaAssertions.assertValidEvent(issued);
        assertThat(new ObjectMapper().readTree(issued).get("data").get("conferenceId").asString()).isEqualTo(INVITED);

        JsonNode used = api.json(api.get("/api/registrations/invitations/" + invitation.get("invitation").get("id").asString(),
                api.organiser()));
        assertThat(used.get("status").asString()).isEqualTo("USED");
        assertThat(used.get("registrationId").asString()).isEqualTo(registration.get("id").asString());
        assertThat(used.toString()).as("the code is never shown again").doesNotContain(code);

        api.post("/api/registrations/me/cancel", api.participant(registration.get("id").asString()));
        HttpResponse<String> reused = api.submit(RegistrationHttp.form(INVITED, "other." + UUID.randomUUID() + "@dakar.sn",
                "REMOTE", "fr", "\"invitationCode\":\"" + code + "\""));
        assertThat(reused.statusCode()).isEqualTo(422);
    }

    @Test
    void aRevokedInvitationNoLongerAdmitsAndAnAddressIsInvitedOncePerConference() {
        String email = "revoked." + UUID.randomUUID() + "@accra.gov.gh";
        JsonNode invitation = invite(INVITED, email, List.of(), false);
        HttpResponse<String> again = api.sendJson("POST", "/api/registrations/invitations", api.organiser(),
                "{\"conferenceId\":\"%s\",\"email\":\"%s\"}".formatted(INVITED, email));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("problems/already-invited");
        JsonNode elsewhere = invite(TestConferences.CONFERENCE, email, List.of(), false);
        HttpResponse<String> wrongConference = api.submit(RegistrationHttp.form(TestConferences.CONFERENCE, email,
                "IN_PERSON", "en", "\"invitationCode\":\"" + invitation.get("code").asString() + "\""));
        assertThat(wrongConference.statusCode()).as("an invitation is for its own conference").isEqualTo(422);
        assertThat(api.json(api.get("/api/registrations/invitations?conference=" + TestConferences.CONFERENCE,
                api.organiser())).toString()).contains(elsewhere.get("invitation").get("id").asString())
                .doesNotContain(invitation.get("invitation").get("id").asString());

        String id = invitation.get("invitation").get("id").asString();
        HttpResponse<String> revoked = api.sendJson("DELETE", "/api/registrations/invitations/" + id, api.organiser(), null);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(api.json(revoked).get("status").asString()).isEqualTo("REVOKED");

        HttpResponse<String> refused = api.submit(RegistrationHttp.form(INVITED, email, "IN_PERSON", "en",
                "\"invitationCode\":\"" + invitation.get("code").asString() + "\""));
        assertThat(refused.statusCode()).isEqualTo(422);
    }

    @Test
    void onlyOrganisersInviteAndTheRulesAreTheConferencesOwn() {
        String participant = api.participant(UUID.randomUUID().toString());
        assertThat(api.sendJson("POST", "/api/registrations/invitations", participant,
                "{\"conferenceId\":\"%s\",\"email\":\"x@example.org\"}".formatted(INVITED)).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/registrations/settings?conference=" + INVITED, participant).statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/registrations/invitations?conference=" + INVITED, participant).statusCode())
                .isEqualTo(403);
        HttpResponse<String> set = api.sendJson("PUT", "/api/registrations/settings?conference=" + INVITED,
                api.organiser(), "{\"invitationOnly\":false}");
        assertThat(set.statusCode()).as("invitation-only is set where the conference is edited").isEqualTo(405);
        HttpResponse<String> bad = api.sendJson("POST", "/api/registrations/invitations", api.organiser(),
                "{\"email\":\"not-an-address\",\"roles\":[\"king\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("email").contains("roles").contains("conferenceId");
        HttpResponse<String> unknown = api.sendJson("POST", "/api/registrations/invitations", api.organiser(),
                "{\"conferenceId\":\"no-such-conference\",\"email\":\"x@example.org\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(api.send(api.request("/api/registrations/invitations", api.organiser()).GET()).statusCode())
                .as("which conference?").isEqualTo(400);
    }

    private JsonNode invite(String conference, String email, List<String> roles, boolean skipReview) {
        String rolesJson = roles.stream().map(r -> "\"" + r + "\"").reduce((a, b) -> a + "," + b).orElse("");
        HttpResponse<String> response = api.sendJson("POST", "/api/registrations/invitations", api.organiser(),
                "{\"conferenceId\":\"%s\",\"email\":\"%s\",\"roles\":[%s],\"skipReview\":%s}".formatted(conference, email,
                        rolesJson, skipReview));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return api.json(response);
    }
}
