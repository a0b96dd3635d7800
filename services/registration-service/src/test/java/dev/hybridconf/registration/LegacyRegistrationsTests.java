package dev.hybridconf.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * Data saved by a version without conferences (registrations, e-mail reservations, places held, waiting lists,
 * invitations, as a local stack's {@code .local-stack/} keeps them) is moved into the default conference at
 * start-up, once, however often the start-up step runs: the registrations then show, count and block duplicate
 * addresses in that conference's views, their places and waiting lists are its, their invitations too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "platform.registration.default-conference=" + TestConferences.CONFERENCE,
        "platform.registration.capacity.in-person=3", "platform.registration.offer-sweep-interval=1h"})
@PlatformInfrastructure
@Import(TestConferences.Published.class)
class LegacyRegistrationsTests {

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    RedisStore store;

    @Autowired
    org.springframework.boot.ApplicationRunner legacyRegistrations;

    @Test
    void whatAnOlderVersionStoredIsMovedIntoTheDefaultConferenceOnce() throws Exception {
        KeySpace keys = store.keys();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String approved = legacy("approved." + marker + "@sevilla.es", "APPROVED", null, 1);
        String waiting = legacy("waiting." + marker + "@sevilla.es", "WAITLISTED", "2024-10-02T09:00:00Z", 2);
        store.redis().hset(keys.key("capacity", "approved"), Map.of("IN_PERSON", "1"));
        store.redis().zadd(keys.key("waitlist", "IN_PERSON"), 1_727_859_600_000d, waiting);
        String invitation = UUID.randomUUID().toString();
        String invitee = "invitee." + marker + "@sevilla.es";
        store.redis().hset(keys.key("invitation", invitation), Map.of("id", invitation, "email", invitee,
                "roles", "participant", "skipReview", "false", "language", "es", "status", "ISSUED",
                "createdAt", "2024-10-01T09:00:00Z"));
        store.redis().set(keys.key("invitation-email", invitee), invitation);
        store.redis().zadd(keys.key("invitations"), 3, invitation);
        RegistrationHttp api = new RegistrationHttp(port, tokens);
        assertThat(api.json(api.get("/api/registrations/" + approved, api.organiser())).get("conferenceId").asString())
                .as("readable as the default conference's before it is moved").isEqualTo(TestConferences.CONFERENCE);

        legacyRegistrations.run(null);
        legacyRegistrations.run(null);

        JsonNode listed = api.json(api.get("/api/registrations?q=" + marker, api.organiser()));
        assertThat(listed.get("items")).extracting(item -> item.get("id").asString())
                .containsExactlyInAnyOrder(approved, waiting);
        JsonNode inPerson = api.json(api.get("/api/registrations/capacity", api.organiser())).get("modes").get("IN_PERSON");
        assertThat(inPerson.get("approved").asLong()).as("the place held is the default conference's").isEqualTo(1);
        assertThat(inPerson.get("waiting").asLong()).isEqualTo(1);
        HttpResponse<String> duplicate = api.submit(RegistrationHttp.form("approved." + marker + "@sevilla.es",
                "REMOTE", "es", null));
        assertThat(duplicate.statusCode()).as("the old address still has its registration").isEqualTo(409);
        assertThat(store.redis().exists(keys.key("registrations"))).isFalse();
        assertThat(store.redis().exists(keys.key("capacity", "approved"))).isFalse();
        assertThat(store.redis().exists(keys.key("email", "approved." + marker + "@sevilla.es"))).isFalse();
        JsonNode invitations = api.json(api.get("/api/registrations/invitations", api.organiser()));
        assertThat(invitations.toString()).contains(invitation);
        assertThat(api.json(api.get("/api/registrations/invitations/" + invitation, api.organiser()))
                .get("conferenceId").asString()).isEqualTo(TestConferences.CONFERENCE);

        assertThat(api.review(waiting, "approve", api.organiser()).statusCode()).isEqualTo(200);
        JsonNode after = api.json(api.get("/api/registrations/capacity", api.organiser())).get("modes").get("IN_PERSON");
        assertThat(after.get("approved").asLong()).isEqualTo(2);
        assertThat(after.get("waiting").asLong()).isZero();
    }

    /** A registration hash as a version without conferences wrote it, with its e-mail reservation and index entry. */
    private String legacy(String email, String status, String waitlistedAt, double submitted) {
        String id = UUID.randomUUID().toString();
        Map<String, String> hash = new java.util.HashMap<>(Map.of("id", id, "version", "2", "status", status,
                "fullName", "Old Timer", "email", email, "organisation", "Ayuntamiento", "position", "Alcalde",
                "city", "Sevilla", "country", "ES", "attendanceMode", "IN_PERSON"));
        hash.put("preferredLanguage", "es");
        hash.put("submittedAt", "2024-10-01T09:00:00Z");
        hash.put("roles", "participant");
        if (waitlistedAt != null) {
            hash.put("waitlistedAt", waitlistedAt);
        }
        store.redis().hset(store.keys().key("registration", id), hash);
        store.redis().set(store.keys().key("email", email), id);
        store.redis().zadd(store.keys().key("registrations"), submitted, id);
        return id;
    }
}
