package dev.hybridconf.zoomemulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Meetings and webinars through Zoom's endpoints: what they answer, and the errors the platform must tell apart. */
class MeetingsTests extends EmulatorTestSupport {

    private static final String INTERPRETED = """
            {"approval_type":1,"waiting_room":true,"auto_recording":"cloud",
             "alternative_hosts":"host5@hybridconf.example","registrants_confirmation_email":false,
             "language_interpretation":{"enable":true,"interpreters":[
               {"email":"ines@interpreters.example","languages":"US,FR"},
               {"email":"pablo@interpreters.example","languages":"US,ES"}]}}""";

    @Test
    void aScheduledMeetingIsCreatedWithZoomsFieldsAndCountedOnce() {
        JsonNode meeting = createMeeting(HOST, INTERPRETED);

        assertThat(meeting.path("id").isIntegralNumber()).isTrue();
        assertThat(meeting.path("uuid").asString()).isNotBlank();
        assertThat(meeting.path("host_id").asString())
                .isEqualTo(zoom.get("/v2/users/" + HOST, token).json().path("id").asString());
        assertThat(meeting.path("topic").asString()).isEqualTo("Breakout B3: Local finance");
        assertThat(meeting.path("type").asInt()).isEqualTo(2);
        assertThat(meeting.path("start_time").asString()).isEqualTo("2026-06-02T14:00:00Z");
        assertThat(meeting.path("duration").asInt()).isEqualTo(90);
        assertThat(meeting.path("timezone").asString()).isEqualTo("Africa/Dakar");
        assertThat(meeting.path("join_url").asString()).contains("/j/" + meeting.path("id").asLong());
        assertThat(meeting.path("start_url").asString()).contains("/s/" + meeting.path("id").asLong());
        assertThat(meeting.path("registration_url").asString()).contains("/meeting/register/");
        JsonNode settings = meeting.path("settings");
        assertThat(settings.path("approval_type").asInt()).isEqualTo(1);
        assertThat(settings.path("waiting_room").asBoolean()).isTrue();
        assertThat(settings.path("auto_recording").asString()).isEqualTo("cloud");
        assertThat(settings.path("alternative_hosts").asString()).isEqualTo("host5@hybridconf.example");
        assertThat(settings.path("registrants_confirmation_email").asBoolean()).isFalse();
        assertThat(settings.path("language_interpretation").path("enable").asBoolean()).isTrue();
        assertThat(settings.path("language_interpretation").path("interpreters").findValuesAsString("languages"))
                .containsExactly("US,FR", "US,ES");

        assertThat(outcomes("POST /v2/users/{userId}/meetings").path("201").asInt()).isEqualTo(1);
        assertThat(admin("GET", "/meetings", null).json()).hasSize(1);
    }

    @Test
    void everyReadHandsOutAFreshHostLinkAndOldOnesExpire() {
        long id = createMeeting(HOST, null).path("id").asLong();

        String first = zoom.get("/v2/meetings/" + id, token).json().path("start_url").asString();
        String second = zoom.get("/v2/meetings/" + id, token).json().path("start_url").asString();
        assertThat(first).isNotEqualTo(second);

        admin("POST", "/clock", "{\"advanceSeconds\":" + (2 * 3600 + 1) + "}");
        String fresh = zoom.get("/v2/meetings/" + id, zoom.token()).json().path("start_url").asString();

        ZoomHttp.Answer withExpired = admin("POST", "/meetings/" + id + "/start", "{\"startUrl\":\"" + first + "\"}");
        assertThat(withExpired.status()).isEqualTo(409);
        assertThat(withExpired.json().path("detail").asString()).contains("expired");
        assertThat(admin("POST", "/meetings/" + id + "/start", "{\"startUrl\":\"" + fresh + "\"}").status())
                .isEqualTo(200);
    }

    @Test
    void anUpdateChangesWhatItNamesAndKeepsTheRestOfTheSettings() {
        long id = createMeeting(HOST, INTERPRETED).path("id").asLong();

        ZoomHttp.Answer updated = zoom.patch("/v2/meetings/" + id, """
                {"topic":"Breakout B3 (moved)","start_time":"2026-06-02T15:30:00Z","settings":{"waiting_room":false,
                 "language_interpretation":{"interpreters":[{"email":"ines@interpreters.example","languages":"US,FR"}]}}}
                """, token);

        assertThat(updated.status()).isEqualTo(204);
        JsonNode meeting = zoom.get("/v2/meetings/" + id, token).json();
        assertThat(meeting.path("topic").asString()).isEqualTo("Breakout B3 (moved)");
        assertThat(meeting.path("start_time").asString()).isEqualTo("2026-06-02T15:30:00Z");
        assertThat(meeting.path("settings").path("waiting_room").asBoolean()).isFalse();
        assertThat(meeting.path("settings").path("approval_type").asInt()).isEqualTo(1);
        assertThat(meeting.path("settings").path("language_interpretation").path("enable").asBoolean()).isTrue();
        assertThat(meeting.path("settings").path("language_interpretation").path("interpreters")).hasSize(1);
    }

    @Test
    void aDeletedOrUnknownMeetingIs404WithCode3001() {
        long id = createMeeting(HOST, null).path("id").asLong();

        assertThat(zoom.delete("/v2/meetings/" + id, token).status()).isEqualTo(204);

        for (String path : new String[] { "/v2/meetings/" + id, "/v2/meetings/12345678901", "/v2/meetings/abc" }) {
            ZoomHttp.Answer answer = zoom.get(path, token);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.json().path("code").asInt()).as(path).isEqualTo(3001);
            assertThat(answer.json().path("message").asString()).startsWith("Meeting does not exist");
        }
        assertThat(zoom.delete("/v2/meetings/" + id, token).status()).as("deleting twice").isEqualTo(404);
        assertThat(admin("GET", "/meetings/" + id, null).json().path("deleted").asBoolean()).isTrue();
    }

    @Test
    void aRunningMeetingCannotBeDeleted() {
        long id = createMeeting(HOST, null).path("id").asLong();
        admin("POST", "/meetings/" + id + "/start", null);

        ZoomHttp.Answer answer = zoom.delete("/v2/meetings/" + id, token);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("code").asInt()).isEqualTo(3002);
    }

    @Test
    void webinarsLiveUnderTheirOwnEndpointsAndOnlyForHostsWithAWebinarLicence() {
        String body = """
                {"topic":"Opening plenary","type":5,"start_time":"2026-06-01T09:00:00Z","duration":120,
                 "settings":{"approval_type":1}}""";

        ZoomHttp.Answer unlicensed = zoom.post("/v2/users/" + HOST + "/webinars", body, token);
        assertThat(unlicensed.status()).isEqualTo(400);
        assertThat(unlicensed.json().path("code").asInt()).isEqualTo(200);
        assertThat(unlicensed.json().path("message").asString()).contains("webinar plan");

        ZoomHttp.Answer created = zoom.post("/v2/users/" + WEBINAR_HOST + "/webinars", body, token);
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("type").asInt()).isEqualTo(5);
        assertThat(created.json().path("registration_url").asString()).contains("/webinar/register/");
        assertThat(zoom.get("/v2/webinars/" + id, token).status()).isEqualTo(200);

        ZoomHttp.Answer asMeeting = zoom.get("/v2/meetings/" + id, token);
        assertThat(asMeeting.status()).isEqualTo(400);
        assertThat(asMeeting.json().path("code").asInt()).isEqualTo(3000);
        assertThat(asMeeting.json().path("message").asString()).isEqualTo("Cannot access webinar info.");

        long meeting = createMeeting(HOST, null).path("id").asLong();
        ZoomHttp.Answer asWebinar = zoom.get("/v2/webinars/" + meeting, token);
        assertThat(asWebinar.status()).isEqualTo(404);
        assertThat(asWebinar.json().path("code").asInt()).isEqualTo(3001);

        assertThat(zoom.patch("/v2/webinars/" + id, "{\"topic\":\"Opening plenary (day 1)\"}", token).status())
                .isEqualTo(204);
        assertThat(zoom.delete("/v2/webinars/" + id, token).status()).isEqualTo(204);
        assertThat(zoom.get("/v2/webinars/" + id, token).json().path("message").asString())
                .startsWith("Webinar does not exist");
    }

    @Test
    void anUnknownHostUserIs404WithCode1001() {
        ZoomHttp.Answer answer = zoom.post("/v2/users/nobody@hybridconf.example/meetings",
                "{\"type\":2,\"start_time\":\"2026-06-02T14:00:00Z\"}", token);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("code").asInt()).isEqualTo(1001);
        assertThat(outcomes("POST /v2/users/{userId}/meetings").path("404").asInt()).isEqualTo(1);
    }

    @Test
    void badBodiesAreRefusedNamingEveryInvalidField() {
        ZoomHttp.Answer notJson = zoom.post("/v2/users/" + HOST + "/meetings", "topic=Plenary", token);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("code").asInt()).isEqualTo(300);
        assertThat(notJson.json().path("message").asString()).isEqualTo("Request Body should be a valid JSON object.");

        StringBuilder interpreters = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            interpreters.append(i == 0 ? "" : ",").append("{\"email\":\"i").append(i)
                    .append("@interpreters.example\",\"languages\":\"US,FR\"}");
        }
        ZoomHttp.Answer invalid = zoom.post("/v2/users/" + HOST + "/meetings", """
                {"type":2,"start_time":"tomorrow","settings":{"approval_type":7,"auto_recording":"tape",
                 "language_interpretation":{"enable":true,"interpreters":[%s]}}}""".formatted(interpreters), token);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("message").asString()).isEqualTo("Validation Failed.");
        assertThat(invalid.json().path("errors").findValuesAsString("field")).contains("start_time");

        ZoomHttp.Answer settings = zoom.post("/v2/users/" + HOST + "/meetings", """
                {"type":2,"start_time":"2026-06-02T14:00:00Z","settings":{"approval_type":7,"auto_recording":"tape",
                 "language_interpretation":{"enable":true,"interpreters":[%s,
                   {"email":"x@interpreters.example","languages":"GB,FR"}]}}}""".formatted(interpreters), token);
        assertThat(settings.json().path("errors").findValuesAsString("field")).contains("settings.approval_type",
                "settings.auto_recording", "settings.language_interpretation.interpreters",
                "settings.language_interpretation.interpreters[21].languages");
        assertThat(admin("GET", "/meetings", null).json()).isEmpty();
    }

    @Test
    void theUsersEndpointsShowTheHostPoolAndWhoMayHostWebinars() {
        JsonNode users = zoom.get("/v2/users", token).json();
        assertThat(users.path("users").findValuesAsString("email")).contains(WEBINAR_HOST, HOST);

        assertThat(zoom.get("/v2/users/" + WEBINAR_HOST + "/settings", token).json().path("feature").path("webinar")
                .asBoolean()).isTrue();
        assertThat(zoom.get("/v2/users/" + HOST + "/settings", token).json().path("feature").path("webinar")
                .asBoolean()).isFalse();

        admin("POST", "/users", "{\"email\":\"extra.host@hybridconf.example\",\"webinarLicence\":true}");
        assertThat(zoom.get("/v2/users/extra.host@hybridconf.example", token).status()).isEqualTo(200);
    }
}
