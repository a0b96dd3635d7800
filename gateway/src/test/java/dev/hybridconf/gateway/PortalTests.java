package dev.hybridconf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The participant portal is served to anyone, in the three conference languages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PortalTests {

    @Autowired
    WebTestClient client;

    @Test
    void theLandingPageIsServedAtTheRootWithoutAToken() {
        String page = client.get().uri("/")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page)
                .contains("<title>Hybridconf")
                .contains(">English<", ">Français<", ">Español<")
                .contains("Register for the conference", "Inscription à la conférence", "Inscripción a la conferencia")
                .contains("name=\"fullName\"", "name=\"email\"", "name=\"organisation\"", "name=\"country\"",
                        "name=\"attendanceMode\"", "name=\"preferredLanguage\"", "name=\"privacyConsent\"");
    }

    @Test
    void everyTextHasAFrenchAndASpanishVersion() {
        String page = client.get().uri("/index.html")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        String block = page.substring(page.indexOf('>', page.indexOf("id=\"portal-messages\"")) + 1,
                page.indexOf("</script>", page.indexOf("id=\"portal-messages\"")));
        JsonNode messages = JsonMapper.builder().build().readTree(block);
        assertThat(messages.propertyNames()).containsExactlyInAnyOrder("en", "fr", "es");
        Map<String, String> english = texts(messages.get("en"), "");
        assertThat(english).containsKeys("heading", "submit", "received", "status.PENDING", "fieldErrors.email");
        for (String language : List.of("fr", "es")) {
            Map<String, String> translated = texts(messages.get(language), "");
            assertThat(translated.keySet()).as(language).isEqualTo(english.keySet());
            assertThat(translated.values()).as(language).allSatisfy(text -> assertThat(text).isNotBlank());
            assertThat(translated.get("heading")).as(language).isNotEqualTo(english.get("heading"));
        }
        assertThat(page).doesNotContain("http://", "https://", "//cdn");
    }

    private static Map<String, String> texts(JsonNode node, String prefix) {
        Map<String, String> texts = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getValue().isObject()) {
                texts.putAll(texts(entry.getValue(), prefix + entry.getKey() + "."));
            } else {
                texts.put(prefix + entry.getKey(), entry.getValue().asString());
            }
        }
        return texts;
    }

    @Test
    void theScriptAndStylesAreServedAndTheFormPostsToTheRegistrationApi() {
        String script = client.get().uri("/assets/portal.js")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(script).contains("fetch('/api/registrations'").contains("'POST'");

        client.get().uri("/assets/portal.css")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.valueOf("text/css"));
    }

    @Test
    void aMissingAssetIsA404Problem() {
        client.get().uri("/assets/missing.js")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
