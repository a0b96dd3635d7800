package dev.hybridconf.zoomemulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Spoken and sign language interpretation on meetings and webinars: stored on create and update, checked the way
 * Zoom checks them (Validation Failed, code 300, each bad field named), shown by the admin API and the join page,
 * and every accepted update counted per meeting.
 */
class InterpretationSettingsTests extends EmulatorTestSupport {

    private static final String CHANNELS = """
            {"approval_type":1,
             "language_interpretation":{"enable":true,"interpreters":[
               {"email":"ines@interpreters.example","languages":"US,FR"},
               {"email":"pablo@interpreters.example","languages":"US,ES"}]},
             "sign_language_interpretation":{"enable":true,"interpreters":[
               {"email":"signer@interpreters.example","sign_language":"International Sign"},
               {"email":"lse@interpreters.example","sign_language":"Spanish"}]}}""";

    @Test
    void aMeetingKeepsItsInterpretersAndShowsThemOnReadInTheAdminApiAndOnTheJoinPage() {
        JsonNode created = createMeeting(HOST, CHANNELS);
        long id = created.path("id").asLong();

        JsonNode settings = zoom.get("/v2/meetings/" + id, token).json().path("settings");
        assertThat(settings.path("language_interpretation").path("enable").asBoolean()).isTrue();
        assertThat(settings.path("language_interpretation").path("interpreters").findValuesAsString("email"))
                .containsExactly("ines@interpreters.example", "pablo@interpreters.example");
        assertThat(settings.path("sign_language_interpretation").path("enable").asBoolean()).isTrue();
        assertThat(settings.path("sign_language_interpretation").path("interpreters")
                .findValuesAsString("sign_language")).containsExactly("International Sign", "Spanish");

        JsonNode shown = admin("GET", "/meetings/" + id, null).json();
        assertThat(shown.path("updates").asInt()).as("a create is no update").isZero();
        JsonNode interpretation = shown.path("interpretation");
        assertThat(interpretation.path("enabled").asBoolean()).isTrue();
        assertThat(interpretation.path("interpreters").findValuesAsString("languages")).containsExactly("US,FR",
                "US,ES");
        assertThat(interpretation.path("signLanguageEnabled").asBoolean()).isTrue();
        assertThat(interpretation.path("signInterpreters").findValuesAsString("signLanguage"))
                .containsExactly("International Sign", "Spanish");

        String page = zoom.get(created.path("join_url").asString().replace("http://localhost:" + port, ""), null)
                .body();
        assertThat(page).contains("US,FR").contains("International Sign").doesNotContain("ines@");
    }

    @Test
    void anUpdateReplacesTheInterpreterListsItNamesTurnsInterpretationOffAndIsCounted() {
        long id = createMeeting(HOST, CHANNELS).path("id").asLong();

        assertThat(zoom.patch("/v2/meetings/" + id, """
                {"settings":{"language_interpretation":{"enable":true,"interpreters":[
                  {"email":"ines@interpreters.example","languages":"US,FR"}]}}}""", token).status()).isEqualTo(204);
        JsonNode after = admin("GET", "/meetings/" + id, null).json();
        assertThat(after.path("interpretation").path("interpreters")).hasSize(1);
        assertThat(after.path("interpretation").path("signInterpreters")).as("not named: kept").hasSize(2);
        assertThat(after.path("updates").asInt()).isEqualTo(1);

        assertThat(zoom.patch("/v2/meetings/" + id, """
                {"settings":{"language_interpretation":{"enable":false,"interpreters":[]},
                 "sign_language_interpretation":{"enable":false,"interpreters":[]}}}""", token).status())
                .isEqualTo(204);
        JsonNode off = admin("GET", "/meetings/" + id, null).json();
        assertThat(off.path("interpretation").path("enabled").asBoolean()).isFalse();
        assertThat(off.path("interpretation").path("signLanguageEnabled").asBoolean()).isFalse();
        assertThat(off.path("interpretation").path("signInterpreters")).isEmpty();
        assertThat(off.path("updates").asInt()).isEqualTo(2);
        assertThat(outcomes("PATCH /v2/meetings/{meetingId}").path("204").asInt()).isEqualTo(2);
    }

    @Test
    void aWebinarTakesInterpretersToo() {
        ZoomHttp.Answer created = zoom.post("/v2/users/" + WEBINAR_HOST + "/webinars", """
                {"topic":"Opening plenary","type":5,"start_time":"2026-06-01T08:00:00Z","duration":60,
                 "settings":%s}""".formatted(CHANNELS), token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();

        assertThat(zoom.patch("/v2/webinars/" + id, """
                {"settings":{"sign_language_interpretation":{"enable":true,"interpreters":[
                  {"email":"asl@interpreters.example","sign_language":"American"}]}}}""", token).status())
                .isEqualTo(204);
        JsonNode webinar = zoom.get("/v2/webinars/" + id, token).json();
        assertThat(webinar.path("settings").path("sign_language_interpretation").path("interpreters")
                .findValuesAsString("sign_language")).containsExactly("American");
        assertThat(webinar.path("settings").path("language_interpretation").path("interpreters")).hasSize(2);
    }

    @Test
    void badInterpretationIsRefusedAsZoomDoesNamingEachFieldAndNothingChanges() {
        long id = createMeeting(HOST, CHANNELS).path("id").asLong();
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("{\"email\":\"s").append(i)
                    .append("@interpreters.example\",\"sign_language\":\"French\"}");
        }

        ZoomHttp.Answer refused = zoom.patch("/v2/meetings/" + id, """
                {"settings":{
                  "language_interpretation":{"enable":true,"interpreters":[
                    {"email":"ines@interpreters.example","languages":"FR,FR"},
                    {"email":"not-an-address","languages":"US,FR"},
                    {"email":"ali@interpreters.example","languages":"US,AR"},
                    {"email":"eva@interpreters.example","languages":"en,fr"}]},
                  "sign_language_interpretation":{"enable":"yes","interpreters":[%s,
                    {"email":"x@interpreters.example","sign_language":"Klingon"}]}}}""".formatted(many), token);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asInt()).isEqualTo(300);
        assertThat(refused.json().path("message").asString()).isEqualTo("Validation Failed.");
        assertThat(refused.json().path("errors").findValuesAsString("field")).contains(
                "settings.language_interpretation.interpreters[0].languages",
                "settings.language_interpretation.interpreters[1].email",
                "settings.language_interpretation.interpreters[2].languages",
                "settings.language_interpretation.interpreters[3].languages",
                "settings.sign_language_interpretation.enable",
                "settings.sign_language_interpretation.interpreters",
                "settings.sign_language_interpretation.interpreters[21].sign_language");
        JsonNode unchanged = admin("GET", "/meetings/" + id, null).json();
        assertThat(unchanged.path("interpretation").path("interpreters")).hasSize(2);
        assertThat(unchanged.path("interpretation").path("signInterpreters")).hasSize(2);
        assertThat(unchanged.path("updates").asInt()).isZero();
    }

    @Test
    void theHostsSettingsListTheLanguagesInterpretersMayBeGiven() {
        JsonNode inMeeting = zoom.get("/v2/users/" + HOST + "/settings", token).json().path("in_meeting");

        assertThat(inMeeting.path("sign_language_interpretation").path("languages")).extracting(JsonNode::asString)
                .contains("American", "French", "Spanish", "British");
        assertThat(inMeeting.path("sign_language_interpretation").path("custom_languages"))
                .extracting(JsonNode::asString).containsExactly("International Sign");
        assertThat(inMeeting.path("language_interpretation").path("enable").asBoolean()).isTrue();
    }
}
