package dev.hybridconf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The participant portal is served to anyone, in the three conference languages, and its forms
 * cover what the registration API takes.
 *
 * <p>The registration service's request records are not on the gateway's class path (the gateway
 * depends on no service), so the field lists below mirror them by hand: when
 * {@code SubmitRegistrationRequest}, {@code UpdateRegistrationRequest}, {@code Registration.Status}
 * or {@code Registration.Roles} change, change these lists too, and these tests then say what the
 * portal lacks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PortalTests {

    /** The components of {@code SubmitRegistrationRequest}, in record order. */
    static final List<String> SUBMIT_REGISTRATION_FIELDS = List.of("conferenceId", "fullName", "email", "organisation", "position",
            "city", "country", "attendanceMode", "preferredLanguage", "interpretationNeeded", "interpretationLanguage",
            "accessibilityNeeds", "timeZone", "sponsorshipRequested", "sponsorshipJustification", "invitationCode",
            "privacyConsent");

    /** The components of {@code UpdateRegistrationRequest} (what a participant may change themselves). */
    static final List<String> UPDATE_REGISTRATION_FIELDS = List.of("attendanceMode", "preferredLanguage",
            "interpretationNeeded", "interpretationLanguage", "accessibilityNeeds", "timeZone");

    /** Yes/no fields: their error, if any, belongs to the field they open. */
    static final Set<String> CHECKBOXES_WITHOUT_OWN_ERROR = Set.of("interpretationNeeded", "sponsorshipRequested");

    /** The constants of {@code Registration.Status}. */
    static final List<String> STATUSES = List.of("PENDING", "APPROVED", "WAITLISTED", "OFFERED", "EXPIRED",
            "REJECTED", "CANCELLED");

    /** {@code Registration.Roles.PATTERN}. */
    static final List<String> ROLES = List.of("participant", "moderator", "rapporteur", "streaming-staff",
            "interpreter", "organiser");

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
    void everyFileThePageLoadsIsServedByTheGatewayWithItsType() {
        Map<String, List<String>> types = Map.of(
                "assets/portal.css", List.of("text/css"),
                "assets/portal.js", List.of("text/javascript", "application/javascript"),
                "assets/favicon.svg", List.of("image/svg+xml"));
        // Relative addresses: the same files load when index.html is opened from disk to look at it.
        Set<String> loaded = new TreeSet<>(all(Pattern.compile("(?:href|src)=\"([^\"#]+)\""), page()));
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(types.keySet());

        for (String file : loaded) {
            MediaType type = client.get().uri("/" + file)
                    .exchange()
                    .expectStatus().isOk()
                    .returnResult(byte[].class).getResponseHeaders().getContentType();
            assertThat(type).as(file).isNotNull();
            assertThat(type.getType() + "/" + type.getSubtype()).as(file).isIn(types.get(file));
        }
    }

    @Test
    void everyTextHasAFrenchAndASpanishVersion() {
        String page = page();
        JsonNode messages = messages(page);
        assertThat(messages.propertyNames()).containsExactlyInAnyOrder("en", "fr", "es");
        Map<String, String> english = texts(messages.get("en"), "");
        assertThat(english).containsKeys("heading", "submit", "received", "status.PENDING", "fieldErrors.email",
                "meHeading", "linkInvalid", "linkInvalidHint", "capacityReached", "offerQuestion");
        for (String language : List.of("fr", "es")) {
            Map<String, String> translated = texts(messages.get(language), "");
            assertThat(translated.keySet()).as(language).isEqualTo(english.keySet());
            assertThat(translated.values()).as(language).allSatisfy(text -> assertThat(text).isNotBlank());
            assertThat(translated.get("heading")).as(language).isNotEqualTo(english.get("heading"));
            // A text with {placeholders} keeps them in every language.
            english.forEach((key, text) -> assertThat(placeholders(translated.get(key))).as(language + " " + key)
                    .isEqualTo(placeholders(text)));
        }
        assertThat(page).doesNotContain("http://", "https://", "//cdn");
    }

    @Test
    void everyTextThePageAndItsScriptUseExistsInEveryLanguage() {
        String page = page();
        String script = script();
        JsonNode messages = messages(page);

        Set<String> used = new TreeSet<>(all(Pattern.compile("data-i18n=\"([^\"]+)\""), page));
        used.addAll(all(Pattern.compile("\\bt\\.(\\w+)"), script));
        used.addAll(all(Pattern.compile("\\b(?:kind|hint): '(\\w+)'"), script));
        used.addAll(all(Pattern.compile("setBusy\\(\\w+, '(\\w+)'\\)"), script));
        used.addAll(all(Pattern.compile("\\.show\\('\\w+', '(\\w+)'\\)"), script));
        used.addAll(all(Pattern.compile("act\\('[^']+', '(\\w+)'\\)"), script));
        assertThat(used).contains("heading", "received", "duplicate", "capacityReached", "cancelledDone",
                "offerAccepted", "offerDeclined", "sessionEnded", "emailRegistered");
        for (String status : STATUSES) {
            used.add("status." + status);
            used.add("statusExplain." + status);
        }
        ROLES.forEach(role -> used.add("roles." + role));
        List.of("en", "fr", "es").forEach(code -> used.add("languageNames." + code));
        fieldList(script, "FIELDS").forEach(field -> used.add("fieldErrors." + field));
        fieldList(script, "CHANGE_FIELDS").forEach(field -> used.add("fieldErrors." + field));

        for (String language : List.of("en", "fr", "es")) {
            // A key may name a group of texts (t.status[...]) as well as a single text.
            Set<String> known = new TreeSet<>();
            for (String key : texts(messages.get(language), "").keySet()) {
                known.add(key);
                for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
                    known.add(key.substring(0, dot));
                }
            }
            assertThat(known).as(language).containsAll(used);
        }
    }

    @Test
    void theRegistrationFormHasAControlForEveryFieldTheApiTakes() {
        String form = element(page(), "form", "registration");
        List<String> names = controlNames(form);

        assertThat(new LinkedHashSet<>(names)).containsExactlyInAnyOrderElementsOf(SUBMIT_REGISTRATION_FIELDS);
        for (String field : SUBMIT_REGISTRATION_FIELDS) {
            // Each control has a label: its own (for=), or one wrapping it (check boxes and radio buttons).
            assertThat(form).as("label of " + field)
                    .containsPattern("<label for=\"" + field + "\"|<label[^>]*>\\s*<input[^>]*name=\"" + field + "\"");
        }
        // A field error from the API can be shown next to every field that can have one.
        List<String> withErrors = SUBMIT_REGISTRATION_FIELDS.stream()
                .filter(field -> !CHECKBOXES_WITHOUT_OWN_ERROR.contains(field)).toList();
        assertThat(fieldList(script(), "FIELDS")).containsExactlyInAnyOrderElementsOf(withErrors);
        withErrors.forEach(field -> assertThat(form).as(field)
                .contains("id=\"" + field + "-error\"")
                .containsPattern("name=\"" + field + "\"[^>]*aria-describedby=\"[^\"]*" + field + "-error"));
        // The hint must stay true: only fields marked optional may be left empty.
        assertThat(form).contains("data-i18n=\"requiredHint\"").doesNotContain("allRequired");
        assertThat(optionalFields(form)).containsExactlyInAnyOrder("accessibilityNeeds", "timeZone");
    }

    @Test
    void myRegistrationLetsAParticipantChangeWhatTheApiAllows() {
        String page = page();
        String changes = element(page, "form", "changes");

        assertThat(new LinkedHashSet<>(controlNames(changes)))
                .containsExactlyInAnyOrderElementsOf(UPDATE_REGISTRATION_FIELDS);
        assertThat(fieldList(script(), "CHANGE_FIELDS")).containsExactlyInAnyOrderElementsOf(
                UPDATE_REGISTRATION_FIELDS.stream().filter(field -> !CHECKBOXES_WITHOUT_OWN_ERROR.contains(field)).toList());
        assertThat(page).contains("id=\"accept-offer\"", "id=\"decline-offer\"", "id=\"decline-yes\"",
                "id=\"cancel-registration\"", "id=\"cancel-yes\"", "id=\"cancel-no\"");
    }

    @Test
    void theScriptTalksOnlyToTheGatewaysApisForRegistrationsTodaysAgendaAndJoinLinks() {
        String script = script();

        assertThat(all(Pattern.compile("call\\('(GET|POST|PATCH)', '([^']+)'"), script, 2)).containsExactlyInAnyOrder(
                "/api/registrations",
                "/api/registrations/access-tokens",
                "/api/registrations/reminders",
                "/api/registrations/me",
                "/api/registrations/me",
                "/api/sessions/conferences",
                "/api/sessions/me/agenda?conference=",
                "/api/streaming/sessions/");
        // The join link is fetched on click and followed, never kept: the page stores only its language and the token.
        assertThat(script).contains("'/join'");
        assertThat(all(Pattern.compile("setItem\\((\\w+)"), script)).containsOnly("TOKEN_KEY", "STORAGE_KEY");
        assertThat(all(Pattern.compile("act\\('([^']+)'"), script)).containsExactlyInAnyOrder(
                "/api/registrations/me/cancel",
                "/api/registrations/me/offer/accept",
                "/api/registrations/me/offer/decline");
        assertThat(script).contains("'Accept-Language': asked").doesNotContain("http://", "https://");
        // The access code leaves the address bar, and the token stays in the tab (not in localStorage).
        assertThat(script).contains("history.replaceState", "sessionStorage.setItem(TOKEN_KEY")
                .doesNotContain("localStorage.setItem(TOKEN_KEY");
    }

    @Test
    void thePageHasNoInlineScriptsOrEventHandlers() {
        String page = page();

        assertThat(page).doesNotContainPattern("\\son[a-z]+\\s*=").doesNotContain("javascript:");
        // The only inline script element holds the texts, as data.
        assertThat(all(Pattern.compile("<script([^>]*)>"), page)).allSatisfy(attributes ->
                assertThat(attributes).matches(" src=\"assets/portal.js\" defer| type=\"application/json\" id=\"portal-messages\""));
        assertThat(script()).doesNotContain("eval(", "innerHTML", "document.write");
    }

    @Test
    void aMissingAssetIsA404Problem() {
        client.get().uri("/assets/missing.js")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private String page() {
        return client.get().uri("/index.html")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private String script() {
        return client.get().uri("/assets/portal.js")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static JsonNode messages(String page) {
        int start = page.indexOf("id=\"portal-messages\"");
        String block = page.substring(page.indexOf('>', start) + 1, page.indexOf("</script>", start));
        return JsonMapper.builder().build().readTree(block);
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

    private static Set<String> placeholders(String text) {
        return new TreeSet<>(all(Pattern.compile("\\{(\\w+)\\}"), text));
    }

    /** The HTML of the element with this tag and id, up to its closing tag (forms do not nest). */
    private static String element(String page, String tag, String id) {
        int start = page.indexOf("<" + tag + " id=\"" + id + "\"");
        assertThat(start).as(tag + "#" + id).isNotNegative();
        return page.substring(start, page.indexOf("</" + tag + ">", start));
    }

    private static List<String> controlNames(String form) {
        return all(Pattern.compile("<(?:input|select|textarea)\\b[^>]*\\bname=\"(\\w+)\""), form);
    }

    /** The fields whose label carries the "optional" mark. */
    private static List<String> optionalFields(String form) {
        return all(Pattern.compile("<label for=\"(\\w+)\">(?:(?!</label>).)*data-i18n=\"optional\"", Pattern.DOTALL),
                form);
    }

    /** The names in {@code var NAME = ['a', 'b'];} of the script. */
    private static List<String> fieldList(String script, String name) {
        Matcher list = Pattern.compile("var " + name + " = \\[([^\\]]*)\\]").matcher(script);
        assertThat(list.find()).as(name).isTrue();
        return all(Pattern.compile("'(\\w+)'"), list.group(1));
    }

    private static List<String> all(Pattern pattern, String text) {
        return all(pattern, text, 1);
    }

    private static List<String> all(Pattern pattern, String text, int group) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        return found;
    }
}
