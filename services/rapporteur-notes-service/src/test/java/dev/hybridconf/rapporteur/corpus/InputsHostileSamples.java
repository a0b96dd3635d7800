package dev.hybridconf.rapporteur.corpus;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.session.ConclusionPosted;
import dev.hybridconf.contracts.session.ConferenceDay;
import dev.hybridconf.contracts.session.ConferencePublished;
import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.InfrastructureContextCustomizerFactory;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.hostile.HostileInputContract.Body;

/**
 * What the service's hostile-input sweep needs from the programme and conclusions: the conference (published, its
 * day, en/fr/es), the breakout and one conclusion sent to the real {@code session.events} topic of the sweep's
 * context, awaited until this service answers them, so every feature's endpoint aims at real objects.
 */
public final class InputsHostileSamples {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private InputsHostileSamples() {
    }

    /**
     * Prepares real objects for the sweep to aim at and answers path samples for them (by path variable name).
     * Called once before the sweep, in the order inputs, live, trends, summary, reading, by the sweep class itself:
     * the topic is the one of its context's namespace.
     */
    public static Map<String, String> prepare(int port, String conferenceId, String sessionId, LocalDate day) {
        Class<?> sweep = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        String topic = new TopicNames(InfrastructureContextCustomizerFactory.namespaceFor(sweep))
                .physical("session.events");
        EventCodec codec = new EventCodec();
        ZoneId zone = ZoneId.of("Europe/Madrid");
        Instant start = day.atTime(11, 0).atZone(zone).toInstant();
        CloudEvent conference = codec.wrap("session-service", new ConferencePublished(conferenceId, 1, 1,
                Map.of("en", "Hostile seminar", "fr", "Séminaire hostile", "es", "Seminario hostil"), zone.getId(),
                List.of("en", "fr", "es"), day, day, false, null,
                List.of(new ConferenceDay(day, Map.of("en", "Housing", "fr", "Logement", "es", "Vivienda")))))
                .withAggregateVersion(1);
        CloudEvent breakout = codec.wrap("session-service", new SessionScheduled(sessionId, conferenceId, 2, 1,
                "BREAKOUT", day, start, start.plus(Duration.ofMinutes(90)), zone.getId(), "HYBRID",
                List.of("en", "fr", "es"), false, 40, List.of("moderator-hostile"), null, "Room 1", "housing", "b1",
                Map.of("en", "Affordable housing", "fr", "Logement abordable", "es", "Vivienda asequible")))
                .withAggregateVersion(1);
        CloudEvent conclusion = codec.wrap("session-service", new ConclusionPosted(sessionId, conferenceId, day, 1,
                "fr", "Le logement abordable est la première demande des villes.",
                List.of("Le droit à la ville passe par le logement."), List.of("Créer un fonds municipal du logement."),
                List.of("logement"), List.of(11), "moderator-hostile", start.plus(Duration.ofHours(2))))
                .withAggregateVersion(2);
        KafkaProbe kafka = KafkaProbe.shared();
        kafka.send(topic, conference.subject(), codec.toJson(conference));
        kafka.send(topic, breakout.subject(), codec.toJson(breakout));
        kafka.send(topic, conclusion.subject(), codec.toJson(conclusion));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest read = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/rapporteur/sessions/"
                + sessionId + "/conclusions"))
                .header("Authorization", "Bearer " + TestTokens.shared().token("hostile-reader", "rapporteur"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        await().atMost(DEADLINE).until(() -> {
            HttpResponse<String> answer = client.send(read, HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"revision\":1");
        });
        return Map.of("sessionId", sessionId, "conferenceId", conferenceId, "day", day.toString());
    }

    /** A valid body per endpoint ({@code "PUT /api/rapporteur/..."}), so the sweep can mutate it: none (read only). */
    public static Map<String, Body> exampleBodies() {
        return Map.of();
    }

    /** A valid query string per endpoint: none. */
    public static Map<String, String> exampleQueries() {
        return Map.of();
    }
}
