package dev.hybridconf.rapporteur.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.rapporteur.analysis.Concept;
import dev.hybridconf.rapporteur.analysis.Thesaurus;
import dev.hybridconf.testinfra.TestTokens;
import redis.clients.jedis.StreamEntryID;
import tools.jackson.databind.JsonNode;

/**
 * The snapshot a rapporteur opens: conclusions grouped by theme (however moderators spelled it, a thesaurus label
 * when one matches), breakouts still to report, the wrap-up, times in the conference's zone, texts in the reader's
 * language; a theme-assigned rapporteur's filter; who may look, and what unknown days answer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LiveViewTests extends LiveIntegrationTest {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @Autowired
    LiveTestPorts.TestThesauri thesauri;

    @BeforeEach
    void seminar() {
        openSeminar("live-view");
        thesauri.put(fixture.conferenceId, new Thesaurus(1, List.of(new Concept("affordable-housing",
                Map.of("en", List.of("affordable housing"), "fr", List.of("logement abordable", "logement accessible"),
                        "es", List.of("vivienda asequible")), false))));
    }

    @Test
    void conclusionsAreGroupedByThemeWithThePendingBreakoutsAndTheWrapUp() {
        JsonNode view = api.ok(api.get(LiveApi.live(fixture.conferenceId, LiveFixture.DAY), api.rapporteur));

        assertThat(view.get("conferenceId").asString()).isEqualTo(fixture.conferenceId);
        assertThat(view.get("day").asString()).isEqualTo("2021-02-16");
        assertThat(view.get("dayTheme").asString()).isEqualTo("Housing for all");
        assertThat(view.get("wrapUp").get("sessionId").asString()).isEqualTo(fixture.wrapUp);
        assertThat(view.get("wrapUp").get("start").asString()).isEqualTo("2021-02-16T16:00:00+01:00");
        assertThat(view.get("reported").asInt()).isEqualTo(4);
        assertThat(view.get("expected").asInt()).isEqualTo(5);
        // count desc, then key; "Housing" and "housing " are one theme; no theme → the track; neither → other
        assertThat(view.get("groups")).extracting(g -> g.get("theme").asString() + "=" + g.get("label").asString()
                + ":" + g.get("conclusions").size())
                .containsExactly("housing=Housing:2", "climate=Climate:1", "finance=Finance:1",
                        "logement abordable=affordable housing:1", "other=Other:1");
        assertThat(view.get("groups").get(0).get("conclusions")).extracting(c -> c.get("sessionId").asString())
                .containsExactly(fixture.housing, fixture.climate);
        JsonNode climate = view.get("groups").get(1).get("conclusions").get(0);
        assertThat(climate.get("title").asString()).isEqualTo("Cool cities");
        assertThat(climate.get("track").asString()).isEqualTo("Climate");
        assertThat(climate.get("language").asString()).isEqualTo("fr");
        assertThat(climate.get("revision").asLong()).isEqualTo(1);
        assertThat(climate.get("postedAt").asString()).isEqualTo("2021-02-16T12:30:00+01:00");
        assertThat(climate.get("summary").asString()).isEqualTo("Les villes doivent se rafraîchir.");
        assertThat(climate.get("keyPoints")).hasSize(1);
        assertThat(climate.get("recommendations").get(0).asString()).isEqualTo("Cities should act together.");
        assertThat(climate.get("sdgs")).extracting(JsonNode::asInt).containsExactly(11, 13);
        assertThat(climate.get("themes")).extracting(JsonNode::asString).containsExactly("housing ", "Climate");
        assertThat(climate.get("locked").asBoolean()).isTrue();
        assertThat(climate.get("lockAt").asString()).isEqualTo("2021-02-16T16:00:00+01:00");
        JsonNode housing = view.get("groups").get(0).get("conclusions").get(0);
        assertThat(housing.get("revision").asLong()).as("the current revision").isEqualTo(2);
        assertThat(housing.get("locked").asBoolean()).isFalse();
        assertThat(housing.get("lockAt").isNull()).isTrue();
        // the cancelled breakout neither reports nor waits; tomorrow's is another day
        assertThat(view.get("pending")).hasSize(1);
        JsonNode pending = view.get("pending").get(0);
        assertThat(pending.get("sessionId").asString()).isEqualTo(fixture.silent);
        assertThat(pending.get("title").asString()).isEqualTo("Quiet room");
        assertThat(pending.get("track").asString()).isEqualTo("Mobility");
        assertThat(pending.get("end").asString()).isEqualTo("2021-02-16T13:00:00+01:00");
        assertThat(view.toString()).doesNotContain(fixture.cancelled, fixture.tomorrow, "Should not show");
    }

    @Test
    void theCursorIsTheLastEntryOfTheConferencesLiveStream() {
        JsonNode empty = api.ok(api.get(LiveApi.live(fixture.conferenceId, LiveFixture.DAY), api.organiser));
        assertThat(empty.get("cursor").asString()).isEqualTo("0-0");

        String stream = LiveEntry.streamKey(store.keys(), fixture.conferenceId);
        StreamEntryID id = store.redis().xadd(stream, StreamEntryID.NEW_ENTRY,
                new LiveEntry("conclusion", fixture.housing, LiveFixture.DAY, 2).fields());

        JsonNode view = api.ok(api.get(LiveApi.live(fixture.conferenceId, LiveFixture.DAY), api.organiser));
        assertThat(view.get("cursor").asString()).isEqualTo(id.toString());
    }

    @Test
    void textsAreInTheLangParameterElseTheAcceptedLanguage() {
        JsonNode french = api.ok(api.get(LiveApi.live(fixture.conferenceId, LiveFixture.DAY) + "?lang=fr",
                api.rapporteur, "Accept-Language", "es"));
        JsonNode spanish = api.ok(api.get(LiveApi.live(fixture.conferenceId, LiveFixture.DAY), api.rapporteur,
                "Accept-Language", "es-AR,es;q=0.9"));
        JsonNode other = api.ok(api.get(LiveApi.live(fixture.conferenceId, LiveFixture.DAY), api.rapporteur,
                "Accept-Language", "de"));

        assertThat(french.get("dayTheme").asString()).isEqualTo("Le logement pour tous");
        assertThat(french.get("pending").get(0).get("title").asString()).isEqualTo("Salle calme");
        assertThat(french.get("groups")).extracting(g -> g.get("label").asString())
                .containsExactly("Housing", "Climate", "Finance", "logement abordable", "Autres");
        assertThat(spanish.get("dayTheme").asString()).isEqualTo("Vivienda para todos");
        assertThat(spanish.get("groups")).extracting(g -> g.get("label").asString())
                .containsExactly("Housing", "Climate", "Finance", "vivienda asequible", "Otros");
        assertThat(other.get("dayTheme").asString()).isEqualTo("Housing for all");
        assertThat(api.ok(api.get(LiveApi.live(fixture.conferenceId, LiveFixture.NEXT_DAY), api.rapporteur))
                .get("dayTheme").isNull()).as("a day without a theme").isTrue();
    }

    @Test
    void aThemeRapporteurSeesOnlyTheirThemeHoweverTheyWriteIt() {
        JsonNode view = api.ok(api.get(LiveApi.live(fixture.conferenceId, LiveFixture.DAY) + "?theme=%20HOUSING",
                api.rapporteur));

        assertThat(view.get("groups")).hasSize(1);
        assertThat(view.get("groups").get(0).get("theme").asString()).isEqualTo("housing");
        assertThat(view.get("groups").get(0).get("conclusions")).hasSize(2);
        assertThat(view.get("pending")).hasSize(1);
        assertThat(view.get("reported").asInt()).isEqualTo(4);
        assertThat(api.ok(api.get(LiveApi.live(fixture.conferenceId, LiveFixture.DAY) + "?theme=transport",
                api.rapporteur)).get("groups")).isEmpty();
    }

    @Test
    void participantsAndModeratorsAreRefusedAndStrangersMustSignIn() {
        String path = LiveApi.live(fixture.conferenceId, LiveFixture.DAY);

        api.problem(api.get(path, api.participant), 403, "forbidden");
        api.problem(api.get(path, api.moderator), 403, "forbidden");
        api.problem(api.get(path + "/stream", api.moderator, "Accept", "text/event-stream"), 403, "forbidden");
        api.problem(api.get(path, null), 401, "unauthenticated");
        api.problem(api.get(path + "/stream", null, "Accept", "text/event-stream"), 401, "unauthenticated");
    }

    @Test
    void unknownConferencesAndDaysAreNotFoundAndBadInputIsProblemDetailsInTheReadersLanguage() {
        api.problem(api.get(LiveApi.live(fixture.conferenceId, "2021-02-18"), api.organiser), 404, "not-found");
        api.problem(api.get(LiveApi.live("no-such-conference", LiveFixture.DAY), api.organiser), 404, "not-found");
        JsonNode french = api.problem(api.get(LiveApi.live(fixture.conferenceId, "2021-02-18"), api.organiser,
                "Accept-Language", "fr"), 404, "not-found");
        assertThat(french.get("detail").asString()).isEqualTo("La conférence n'a pas ce jour.");
        api.problem(api.get(LiveApi.live(fixture.conferenceId, "2021-02-30"), api.organiser), 400, "validation");
        api.problem(api.get(LiveApi.live(fixture.conferenceId, LiveFixture.DAY) + "?lang=de", api.organiser), 400,
                "validation");
        api.problem(api.get(LiveApi.live(fixture.conferenceId, LiveFixture.DAY) + "?theme=" + "x".repeat(201),
                api.organiser), 400, "validation");
        JsonNode spanish = api.problem(api.get(LiveApi.live(fixture.conferenceId, "2021-02-18") + "/stream",
                api.organiser, "Accept-Language", "es", "Accept", "text/event-stream"), 404, "not-found");
        assertThat(spanish.get("detail").asString()).isEqualTo("La conferencia no tiene ese día.");
    }
}
