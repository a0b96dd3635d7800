package dev.hybridconf.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rapporteur's day on the local stack, end to end through the gateway (issue 13): a rapporteur opens the live
 * view of today's rehearsal as a server-sent event stream; a conclusion posted to the breakout through the session
 * service appears in it without reloading; the trends of the day are analysed from it; the rapporteur, assigned by
 * an organiser, generates a draft, edits and publishes it in English; anyone, without a token, reads the published
 * summary, and a French reader gets the English text with a notice in French. A participant sees no drafts.
 */
class RapporteurFlowTests extends FlowTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final String REHEARSAL = "hybridconf-rehearsal";
    private static final String BREAKOUT = UUID.nameUUIDFromBytes(
            (REHEARSAL + "\nbreakout-test-room").getBytes(StandardCharsets.UTF_8)).toString();

    @Test
    void aPostedConclusionReachesTheLiveViewAndTheRapporteurPublishesWhatEveryoneReads() throws Exception {
        String rapporteur = stack.demoTokens().get("rapporteur");
        String participant = stack.demoTokens().get("participant");
        String today = LocalDate.now(ZoneId.of("Europe/Madrid")).toString();
        String day = "/api/rapporteur/conferences/" + REHEARSAL + "/days/" + today;

        // The service learns the rehearsal's programme from the session service's events.
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Http.Answer live = gateway.get(day + "/live", rapporteur);
            assertThat(live.status()).as(live.body()).isEqualTo(200);
            assertThat(live.body()).contains(BREAKOUT);
        });
        assertThat(gateway.get(day + "/live", participant).status()).as("participants see no live view")
                .isEqualTo(403);

        // The live stream through the gateway: the snapshot at once, then what is posted.
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest subscribe = HttpRequest.newBuilder(stack.gatewayUrl().resolve(day + "/live/stream"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + rapporteur).GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> stream = client.sendAsync(subscribe,
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closed) {
                // the test closed the stream: the reader's work is over
            }
        }, "live-stream-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(EVENTUALLY).until(() -> lines.contains("event:snapshot") || lines.contains("event: snapshot"));

            String marker = "Affordable housing " + UUID.randomUUID();
            Http.Answer posted = gateway.put("/api/sessions/" + BREAKOUT + "/conclusions", JsonMapper.shared()
                    .writeValueAsString(java.util.Map.of("language", "en",
                            "summary", marker + " must be at the heart of local recovery plans.",
                            "keyPoints", List.of("Affordable housing is a right.", "Public transport links the city."),
                            "recommendations", List.of("Cities should pool their housing funds."),
                            "themes", List.of("Housing"), "sdgs", List.of(11))), organiser);
            assertThat(posted.status()).as(posted.body()).isIn(200, 201);

            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(String.join("\n", lines))
                    .as("the conclusion pushed to the open view").contains("conclusion").contains(marker));
        } finally {
            response.body().close();
            reader.interrupt();
        }

        // The trends of the day are analysed from it.
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Http.Answer trends = gateway.get(day + "/trends", rapporteur);
            assertThat(trends.status()).as(trends.body()).isEqualTo(200);
            assertThat(trends.json().path("reporting").asInt()).as(trends.body()).isPositive();
            assertThat(trends.json().path("analysed").asBoolean()).isTrue();
        });

        // A rapporteur is a registration with that role (invited by an organiser); the organiser assigns them to
        // the day, and they draft, edit and publish in English.
        String email = "rapporteur." + UUID.randomUUID() + "@uclg.example";
        Http.Answer registered = gateway.post("/api/registrations", Http.registration(REHEARSAL, email, "REMOTE", "en",
                flow.invite(REHEARSAL, email, List.of("participant", "rapporteur"), true)), null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String rapporteurId = registered.json().path("id").asString();
        String assignedRapporteur = gateway.post("/api/registrations/access-tokens",
                "{\"code\":\"" + flow.accessCodeMailedTo(email) + "\"}", null).json().path("token").asString();
        assertThat(gateway.post(day + "/summary/draft?lang=en", "{}", assignedRapporteur).status())
                .as("not assigned yet").isEqualTo(403);
        Http.Answer assigned = gateway.put("/api/rapporteur/conferences/" + REHEARSAL + "/assignments",
                "{\"days\":[{\"day\":\"" + today + "\",\"rapporteurs\":[\"" + rapporteurId + "\"]}]}", organiser);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        Http.Answer draft = gateway.post(day + "/summary/draft?lang=en", "{}", assignedRapporteur);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        assertThat(draft.json().path("markdown").asString()).contains("## Key emerging issues");
        assertThat(gateway.get(day + "/summary", participant).status()).as("participants see no drafts")
                .isEqualTo(403);
        Http.Answer edited = gateway.put(day + "/summary/en", JsonMapper.shared().writeValueAsString(java.util.Map.of(
                "markdown", draft.json().path("markdown").asString() + "\n\nEdited by the rapporteur.")),
                assignedRapporteur, "\"1\"");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        Http.Answer published = gateway.post(day + "/summary/publish", "{\"languages\":[\"en\"]}",
                assignedRapporteur);
        assertThat(published.status()).as(published.body()).isEqualTo(201);

        // Anyone reads it, without a token; a French reader gets the English text with a notice in French.
        Http.Answer read = gateway.get(day + "/summary/published?lang=fr", null);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("language").asString()).isEqualTo("en");
        assertThat(read.json().path("notice").asString()).contains("français");
        assertThat(read.json().path("html").asString()).contains("Key emerging issues").contains("Edited by the rapporteur.");
        Http.Answer feed = gateway.get("/api/rapporteur/conferences/" + REHEARSAL + "/summaries.atom", null);
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.body()).contains(stack.gatewayUrl().toString().replaceAll("/$", ""));
    }
}
