package dev.hybridconf.interpretation.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.session.ConferenceDay;
import dev.hybridconf.contracts.session.ConferencePublished;
import dev.hybridconf.interpretation.needs.SessionNeeds;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;

/**
 * Once the programme's conference event has been seen, an interpreter's availability must lie on the conference's
 * days, and a CSV's {@code all} means exactly those days.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class RosterConferenceDaysTests {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    TopicNames topics;

    @Autowired
    SessionNeeds needs;

    @Autowired
    Roster roster;

    @Test
    void availabilityOutsideAKnownConferenceIsRefusedAndAllMeansItsDays() {
        String conference = RosterApi.conference("days");
        LocalDate first = LocalDate.of(2021, 2, 16);
        EventCodec codec = new EventCodec();
        var published = codec.wrap("session-service", new ConferencePublished(conference, 1, 1,
                Map.of("en", "Days", "fr", "Jours", "es", "Días"), "Europe/Madrid", List.of("en", "fr", "es"), first,
                first.plusDays(1), false, null,
                List.of(new ConferenceDay(first, Map.of()), new ConferenceDay(first.plusDays(1), Map.of()))))
                .withAggregateVersion(1);
        KafkaProbe.shared().send(topics.physical("session.events"), published.subject(), codec.toJson(published));
        await().atMost(Duration.ofSeconds(60)).until(() -> needs.days(conference).isPresent());
        RosterApi api = new RosterApi(port);

        HttpResponse<String> outside = api.create(conference, RosterApi.body("Ana Ortiz", "ana.ortiz@example.org")
                .replace("2021-02-17", "2021-03-01"));
        assertThat(outside.statusCode()).as(outside.body()).isEqualTo(400);
        assertThat(outside.body()).contains("availability");
        assertThat(roster.forConference(conference)).isEmpty();

        HttpResponse<String> inside = api.create(conference, RosterApi.body("Ana Ortiz", "ana.ortiz@example.org"));
        assertThat(inside.statusCode()).as(inside.body()).isEqualTo(201);

        HttpResponse<String> imported = api.importCsv(conference,
                "name,email,zoom_email,languages,mode,availability,partners,registration_id\n"
                        + "Luc Martin,luc.martin@example.org,,fr-A en-B,remote,all,,\n", false, "en");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        InterpreterProfile luc = roster.forConference(conference).stream()
                .filter(profile -> profile.name().equals("Luc Martin")).findFirst().orElseThrow();
        assertThat(luc.availability()).extracting(Availability::day).containsExactlyInAnyOrder(first, first.plusDays(1));
    }
}
