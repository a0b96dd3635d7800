package dev.hybridconf.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.AdjustableClock;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * When a place frees, the first person waiting in that mode is offered it with a reply-by time; an
 * offer left unanswered expires and passes to the next. One place per mode here; offers hold for
 * 48 hours, which the tests pass by moving the service's clock, and are swept every 100 ms.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "platform.registration.capacity.in-person=1", "platform.registration.capacity.remote=1",
        "platform.registration.offer-reply-within=48h", "platform.registration.offer-sweep-interval=100ms"})
@Import({AdjustableClock.Config.class, TestConferences.Published.class})
@PlatformInfrastructure
class WaitlistOfferTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    TopicNames topics;

    @Autowired
    AdjustableClock clock;

    private RegistrationHttp api;

    @BeforeEach
    void client() {
        api = new RegistrationHttp(port, tokens);
    }

    @Test
    void aFreedPlaceIsOfferedToTheFirstInLineAndAnUnansweredOfferPassesToTheNext() throws Exception {
        String[] queue = holderAndTwoWaiting("IN_PERSON");
        String holder = queue[0];
        String first = queue[1];
        String second = queue[2];
        assertThat(capacity("IN_PERSON").get("waiting").asLong()).isEqualTo(2);

        Instant beforeCancel = clock.instant();
        assertThat(api.post("/api/registrations/me/cancel", api.participant(holder)).statusCode()).isEqualTo(200);

        // The first in line is offered the place at once, held for them until the reply-by time.
        assertThat(api.status(first)).isEqualTo("OFFERED");
        JsonNode offered = api.json(api.get("/api/registrations/me", api.participant(first)));
        assertThat(Instant.parse(offered.get("offerReplyBy").asString()))
                .isAfterOrEqualTo(beforeCancel.plus(Duration.ofHours(48)));
        assertThat(api.status(second)).isEqualTo("WAITLISTED");
        assertThat(capacity("IN_PERSON").get("approved").asLong()).as("the offer holds the place").isEqualTo(1);
        String offer = event(first, "registration.offer-made.v1");
        EventSchemaAssertions.assertValidEvent(offer);
        assertThat(new ObjectMapper().readTree(offer).get("data").get("replyBy").asString())
                .isEqualTo(offered.get("offerReplyBy").asString());

        // Nobody answers for two days: the offer expires and the second in line gets the place.
        clock.advance(Duration.ofHours(49));
        await().atMost(DEADLINE).until(() -> api.status(first).equals("EXPIRED"));
        await().atMost(DEADLINE).until(() -> api.status(second).equals("OFFERED"));
        EventSchemaAssertions.assertValidEvent(event(first, "registration.offer-expired.v1"));
        assertThat(capacity("IN_PERSON").get("approved").asLong()).isEqualTo(1);
        assertThat(capacity("IN_PERSON").get("waiting").asLong()).isZero();

        // The second accepts in time and keeps the same place.
        HttpResponse<String> accepted = api.post("/api/registrations/me/offer/accept", api.participant(second));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(api.json(accepted).get("status").asString()).isEqualTo("APPROVED");
        EventSchemaAssertions.assertValidEvent(event(second, "registration.approved.v1"));
        assertThat(capacity("IN_PERSON").get("approved").asLong()).as("accepting keeps the same place").isEqualTo(1);
    }

    @Test
    void aDeclinedOfferGoesStraightToTheNextAndAnExpiredPersonCannotAcceptAnymore() throws Exception {
        String[] queue = holderAndTwoWaiting("REMOTE");
        String holder = queue[0];
        String first = queue[1];
        String second = queue[2];

        // An organiser erasing the holder frees the place just like a cancellation.
        assertThat(api.sendJson("DELETE", "/api/registrations/" + holder, api.organiser(), null).statusCode())
                .isEqualTo(204);
        assertThat(api.status(first)).isEqualTo("OFFERED");
        assertThat(api.post("/api/registrations/me/offer/accept", api.participant(second)).statusCode())
                .as("only the person offered the place can take it").isEqualTo(409);

        HttpResponse<String> declined = api.post("/api/registrations/me/offer/decline", api.participant(first));

        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(api.json(declined).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(api.status(second)).isEqualTo("OFFERED");
        assertThat(capacity("REMOTE").get("approved").asLong()).isEqualTo(1);
        assertThat(api.post("/api/registrations/me/offer/decline", api.participant(first)).statusCode())
                .as("an answered offer cannot be answered again").isEqualTo(409);
    }

    /** The mode's only place taken, and two people waiting for it in order: {holder, first, second}. */
    private String[] holderAndTwoWaiting(String mode) {
        String holder = api.register(mode, "en");
        String first = api.register(mode, "fr");
        String second = api.register(mode, "es");
        assertThat(review(holder, "approve")).isEqualTo(200);
        assertThat(review(first, "waitlist")).isEqualTo(200);
        assertThat(review(second, "waitlist")).isEqualTo(200);
        return new String[] {holder, first, second};
    }

    private int review(String id, String action) {
        return api.review(id, action, api.organiser()).statusCode();
    }

    private JsonNode capacity(String mode) {
        return api.json(api.get("/api/registrations/capacity", api.organiser())).get("modes").get(mode);
    }

    private String event(String id, String type) {
        return KafkaProbe.shared().eventOfType(topics.physical("registration.events"), id, type, DEADLINE);
    }
}
