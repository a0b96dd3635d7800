package dev.hybridconf.rapporteur.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.hybridconf.rapporteur.analysis.TrendsMother;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import tools.jackson.databind.JsonNode;

/**
 * A day's summary from draft to publication, as the acceptance line reads: draft, edit and publish in en,
 * fr and es; the French version goes stale when the English one changes; publication refuses stale texts unless
 * allowed; a correction is version 2 with its notes; every publication emits one schema-valid event; two edits of
 * one revision at once: one wins.
 */
class SummaryFlowTests extends SummaryServiceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Override
    protected String prefix() {
        return "summary-flow";
    }

    @Test
    void aGeneratedDraftHasTheRapportersStructureCountsQuotesWithTheirBreakoutAndItsAnalysis() {
        JsonNode en = api.ok(api.draft(conferenceId, DAY, "en", rapporteur));
        String markdown = en.get("markdown").asString();

        assertThat(en.get("revision").asLong()).isEqualTo(1);
        assertThat(en.get("kind").asString()).isEqualTo("GENERATED");
        assertThat(en.get("generatedFrom").get("corpusVersion").asLong()).isEqualTo(2);
        assertThat(markdown).contains("## Key emerging issues", "## By theme", "## Recurring across breakouts",
                "## New today", "## SDGs", "## Way forward");
        assertThat(markdown).contains("**affordable housing** — raised by 2 breakouts (new today)")
                .contains("> “Affordable housing must be at the heart of recovery plans.” — *Housing for all*")
                .contains("**public transport** — raised by 1 breakout")
                .contains("SDG 11 — raised by 2 breakouts")
                .contains("Cities should act together.");

        String fr = api.ok(api.draft(conferenceId, DAY, "fr", rapporteur)).get("markdown").asString();
        assertThat(fr).contains("## Principaux enjeux émergents", "## Par thème", "## Récurrent dans plusieurs ateliers",
                "## Nouveau aujourd'hui", "## ODD", "## Perspectives")
                .contains("**logement abordable** — soulevé par 2 ateliers (nouveau aujourd'hui)")
                .contains("> “Les logements abordables manquent dans les métropoles.” — *Finances locales*");
        String es = api.ok(api.draft(conferenceId, DAY, "es", rapporteur)).get("markdown").asString();
        assertThat(es).contains("## Principales cuestiones emergentes", "## Por tema", "## Recurrente en varios talleres",
                "## Nuevo hoy", "## ODS", "## Próximos pasos")
                .contains("**vivienda asequible** — planteado por 2 talleres (nuevo hoy)");

        JsonNode state = api.ok(api.get(SummaryApi.summary(conferenceId, DAY), rapporteur));
        assertThat(state.get("analysisNewer").asBoolean()).isFalse();
        trends.store(conferenceId, DAY, TrendsMother.dayTrends(breakoutA.id(), breakoutB.id()), 3);
        state = api.ok(api.get(SummaryApi.summary(conferenceId, DAY), rapporteur));
        assertThat(state.get("analysisNewer").asBoolean()).as("the trends moved since the draft").isTrue();
    }

    @Test
    void draftEditAndPublishInThreeLanguagesThenEnglishChangesAndFrenchGoesStaleThenACorrection() {
        api.ok(api.draft(conferenceId, DAY, "en", rapporteur));
        JsonNode en2 = api.ok(api.edit(conferenceId, DAY, "en", rapporteur, "# Trends\n\nAffordable housing.", null,
                "\"1\""));
        assertThat(en2.get("revision").asLong()).isEqualTo(2);
        JsonNode fr = api.ok(api.edit(conferenceId, DAY, "fr", rapporteur, "# Tendances\n\nLogement abordable.", "en",
                null));
        assertThat(fr.get("writtenFrom").get("language").asString()).isEqualTo("en");
        assertThat(fr.get("writtenFrom").get("revision").asLong()).isEqualTo(2);
        assertThat(api.ok(api.edit(conferenceId, DAY, "en", rapporteur, "# Trends\n\nAffordable housing.", null,
                "\"2\"")).get("revision").asLong()).as("the same text again is no new revision").isEqualTo(2);
        JsonNode stateBefore = api.ok(api.get(SummaryApi.summary(conferenceId, DAY), rapporteur));
        assertThat(stateBefore.get("missing").toString()).isEqualTo("[\"es\"]");
        api.ok(api.edit(conferenceId, DAY, "es", rapporteur, "# Tendencias\n\nVivienda asequible.", "en", null));

        HttpResponse<String> first = api.publish(conferenceId, DAY, rapporteur,
                "{\"languages\":[\"en\",\"fr\",\"es\"]}");
        JsonNode v1 = api.ok(first);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("missing")).isEmpty();
        assertThat(v1.get("changed").toString()).isEqualTo("[\"en\",\"fr\",\"es\"]");

        // English changes: French and Spanish, written from English revision 2, are stale
        api.ok(api.edit(conferenceId, DAY, "en", rapporteur, "# Trends\n\nAffordable housing, 4 breakouts.", null,
                "\"2\""));
        JsonNode state = api.ok(api.get(SummaryApi.summary(conferenceId, DAY) + "?lang=fr", rapporteur));
        JsonNode frState = text(state, "fr");
        assertThat(frState.get("stale").asBoolean()).isTrue();
        assertThat(frState.get("why").asString())
                .isEqualTo("Rédigé à partir du texte anglais en révision 2 ; ce texte en est maintenant à la révision 3.");
        assertThat(text(state, "en").get("stale").asBoolean()).isFalse();
        assertThat(text(state, "en").get("changedSincePublished").asBoolean()).isTrue();
        assertThat(state.get("stale").toString()).isEqualTo("[\"fr\",\"es\"]");

        JsonNode refused = api.problem(api.publish(conferenceId, DAY, rapporteur,
                "{\"languages\":[\"en\",\"fr\"],\"notes\":{\"en\":\"Count corrected.\"}}"), 409);
        assertThat(refused.get("type").asString()).endsWith("/stale-languages");
        assertThat(refused.get("languages").toString()).isEqualTo("[\"fr\"]");

        JsonNode noNote = api.problem(api.publish(conferenceId, DAY, rapporteur, "{\"languages\":[\"en\"]}"), 400);
        assertThat(noNote.get("type").asString()).endsWith("/correction-note-required");
        assertThat(noNote.get("languages").toString()).isEqualTo("[\"en\"]");

        JsonNode v2 = api.ok(api.publish(conferenceId, DAY, rapporteur,
                "{\"languages\":[\"en\"],\"notes\":{\"en\":\"The count of breakouts was corrected.\"}}"));
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("changed").toString()).isEqualTo("[\"en\"]");
        assertThat(v2.get("stale").toString()).as("carried texts show they are stale now")
                .isEqualTo("[\"fr\",\"es\"]");

        JsonNode nothing = api.problem(api.publish(conferenceId, DAY, rapporteur, "{\"languages\":[\"en\"]}"), 409);
        assertThat(nothing.get("type").asString()).endsWith("/nothing-changed");

        // French rewritten from English revision 3, then English changes again: stale; published when allowed
        api.ok(api.edit(conferenceId, DAY, "fr", rapporteur, "# Tendances\n\nLogement abordable, 4 ateliers.", "en",
                null));
        api.ok(api.edit(conferenceId, DAY, "en", rapporteur, "# Trends\n\nAffordable housing, 5 breakouts.", null,
                null));
        api.problem(api.publish(conferenceId, DAY, rapporteur,
                "{\"languages\":[\"fr\"],\"notes\":{\"fr\":\"Nombre d'ateliers corrigé.\"}}"), 409);
        JsonNode v3 = api.ok(api.publish(conferenceId, DAY, rapporteur,
                "{\"languages\":[\"fr\"],\"allowStale\":true,\"notes\":{\"fr\":\"Nombre d'ateliers corrigé.\"}}"));
        assertThat(v3.get("version").asInt()).isEqualTo(3);
        assertThat(v3.get("changed").toString()).isEqualTo("[\"fr\"]");
        assertThat(v3.get("stale").toString()).isEqualTo("[\"fr\",\"es\"]");
        assertThat(v3.get("notes").get("fr").asString()).isEqualTo("Nombre d'ateliers corrigé.");
        JsonNode versions = api.ok(api.get(SummaryApi.summary(conferenceId, DAY), organiser)).get("published");
        assertThat(versions).hasSize(3);
        assertThat(versions.get(2).get("languages").get(0).get("revision").asLong()).as("English as version 2 had it")
                .isEqualTo(3);
    }

    @Test
    void everyPublicationEmitsOneSchemaValidEventWithRevisionsHashesAndCorrections() {
        api.ok(api.edit(conferenceId, DAY, "en", rapporteur, "# Trends\n\nOne.", null, null));
        api.ok(api.edit(conferenceId, DAY, "fr", rapporteur, "# Tendances\n\nUn.", "en", null));
        api.ok(api.publish(conferenceId, DAY, rapporteur, "{\"languages\":[\"en\",\"fr\"]}"));
        api.ok(api.edit(conferenceId, DAY, "en", rapporteur, "# Trends\n\nTwo.", null, null));
        api.ok(api.publish(conferenceId, DAY, rapporteur,
                "{\"languages\":[\"en\"],\"notes\":{\"en\":\"Second point added.\"}}"));

        String key = conferenceId + ":" + DAY;
        KafkaProbe kafka = KafkaProbe.shared();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> published(kafka, key).size() >= 2);
        List<ConsumerRecord<String, String>> events = published(kafka, key);
        assertThat(events).as("one event per publication").hasSize(2);
        events.forEach(e -> EventSchemaAssertions.assertValidEvent(e.value()));

        JsonNode first = api.read(eventValue(events, 1)).get("data");
        assertThat(first.get("languages").get(0).get("language").asString()).isEqualTo("en");
        assertThat(first.get("languages").get(1).get("writtenFrom").get("revision").asLong()).isEqualTo(1);
        assertThat(first.get("languages").get(0).get("sha256").asString())
                .isEqualTo(SummaryStore.sha256("# Trends\n\nOne."));
        assertThat(first.get("missing").toString()).isEqualTo("[\"es\"]");
        assertThat(first.get("correctionOf").isNull()).isTrue();
        assertThat(first.toString()).doesNotContain("Trends", "Tendances");

        JsonNode second = api.read(eventValue(events, 2)).get("data");
        assertThat(second.get("correctionOf").asInt()).isEqualTo(1);
        assertThat(second.get("changed").toString()).isEqualTo("[\"en\"]");
        assertThat(second.get("notes").get("en").asString()).isEqualTo("Second point added.");
        assertThat(second.get("languages").get(1).get("stale").asBoolean()).isTrue();
        assertThat(second.get("publishedBy").asString()).isEqualTo(rapporteurId);
    }

    @Test
    void revisionsAreKeptAndListedAndAnOldOneCanBeRead() {
        api.ok(api.draft(conferenceId, DAY, "en", rapporteur));
        api.ok(api.edit(conferenceId, DAY, "en", rapporteur, "# Mine", null, "\"1\""));
        JsonNode list = api.ok(api.get(SummaryApi.summary(conferenceId, DAY) + "/en/revisions", organiser));
        assertThat(list.get("current").asLong()).isEqualTo(2);
        assertThat(list.get("revisions")).hasSize(2);
        assertThat(list.get("revisions").get(0).get("kind").asString()).isEqualTo("GENERATED");
        HttpResponse<String> old = api.get(SummaryApi.summary(conferenceId, DAY) + "/en/revisions/1", rapporteur);
        assertThat(api.ok(old).get("markdown").asString()).contains("## Key emerging issues");
        assertThat(old.headers().firstValue("ETag")).contains("\"1\"");
        api.problem(api.get(SummaryApi.summary(conferenceId, DAY) + "/en/revisions/3", rapporteur), 404);
        api.problem(api.get(SummaryApi.summary(conferenceId, DAY) + "/de/revisions", rapporteur), 404);
    }

    @Test
    void editsNamingOneRevisionAtOnceLetExactlyOneWinAndTheOthersGet412() throws Exception {
        api.ok(api.edit(conferenceId, DAY, "en", rapporteur, "# Start", null, null));
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int r = 0; r < 5; r++) {
            int round = r;
            long base = api.ok(api.get(SummaryApi.summary(conferenceId, DAY), rapporteur)).get("texts").get(0)
                    .get("revision").asLong();
            int writers = 2 + random.nextInt(7);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                order.add(i);
            }
            Collections.shuffle(order);
            for (int i : order) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.edit(conferenceId, DAY, "en", rapporteur, "# Round " + round + ", writer " + i, null,
                            "\"" + base + "\"");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get().statusCode());
            }
            pool.shutdown();
            assertThat(statuses).as("round %d with %d writers", round, writers).containsOnly(200, 412);
            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
            JsonNode revisions = api.ok(api.get(SummaryApi.summary(conferenceId, DAY) + "/en/revisions", rapporteur));
            assertThat(revisions.get("current").asLong()).isEqualTo(base + 1);
            assertThat(revisions.get("revisions")).hasSize((int) base + 1);
        }
    }

    @Test
    void publicationsAndEditsAtOnceNeverPublishATextOtherThanTheRevisionTheyNameAndEachVersionOnce()
            throws Exception {
        api.ok(api.edit(conferenceId, DAY, "en", rapporteur, "# Text 0", null, null));
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int tasks = 12 + random.nextInt(9);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        int publications = 0;
        for (int i = 0; i < tasks; i++) {
            boolean publish = random.nextBoolean();
            publications += publish ? 1 : 0;
            int n = i + 1;
            answers.add(pool.submit(() -> {
                start.await();
                return publish
                        ? api.publish(conferenceId, DAY, rapporteur,
                                "{\"languages\":[\"en\"],\"notes\":{\"en\":\"Correction " + n + ".\"}}")
                        : api.edit(conferenceId, DAY, "en", rapporteur, "# Text " + n, null, null);
            }));
        }
        start.countDown();
        int created = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).as(response.body()).isIn(200, 201, 409);
            created += response.statusCode() == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(created).isLessThanOrEqualTo(Math.max(publications, 0));

        List<PublishedVersion> versions = published.all(conferenceId);
        assertThat(versions).hasSize(created);
        for (int i = 0; i < versions.size(); i++) {
            PublishedVersion version = versions.get(i);
            assertThat(version.version()).isEqualTo(i + 1);
            PublishedText en = version.texts().get("en");
            JsonNode revision = api.ok(api.get(SummaryApi.summary(conferenceId, DAY) + "/en/revisions/"
                    + en.revision(), rapporteur));
            assertThat(revision.get("markdown").asString()).as("version %d", version.version())
                    .isEqualTo(en.markdown());
        }
        if (created > 0) {
            String key = conferenceId + ":" + DAY;
            KafkaProbe kafka = KafkaProbe.shared();
            int expected = created;
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                    .until(() -> published(kafka, key).size() >= expected);
            assertThat(published(kafka, key)).as("one event per version").hasSize(created);
        }
    }

    @Test
    void publishedVersionsAreWhatReadersGetThroughThePort() {
        api.ok(api.edit(conferenceId, DAY, "en", rapporteur, "# Trends", null, null));
        assertThat(published.latest(conferenceId, DAY)).as("a draft is not published").isEmpty();
        api.ok(api.publish(conferenceId, DAY, rapporteur, "{\"languages\":[\"en\"]}"));
        PublishedVersion latest = published.latest(conferenceId, DAY).orElseThrow();
        assertThat(latest.version()).isEqualTo(1);
        assertThat(latest.texts()).containsOnlyKeys("en");
        assertThat(latest.texts().get("en").markdown()).isEqualTo("# Trends");
        assertThat(latest.missing()).containsExactly("fr", "es");
        assertThat(published.all(conferenceId)).hasSize(1);
        assertThat(published.version(conferenceId, DAY, 2)).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    PublishedSummaries published;

    private static JsonNode text(JsonNode state, String language) {
        for (JsonNode text : state.get("texts")) {
            if (text.get("language").asString().equals(language)) {
                return text;
            }
        }
        throw new AssertionError("no " + language + " text in " + state);
    }

    private List<ConsumerRecord<String, String>> published(KafkaProbe kafka, String key) {
        return kafka.readAll(rapporteurEvents()).stream()
                .filter(r -> key.equals(r.key()) && r.value().contains("rapporteur.summary-published.v1")).toList();
    }

    private String eventValue(List<ConsumerRecord<String, String>> events, int version) {
        return events.stream().filter(e -> api.read(e.value()).get("data").get("version").asInt() == version)
                .map(ConsumerRecord::value).findFirst().orElseThrow();
    }
}
