package dev.hybridconf.zoomemulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** {@code GET /v2/users/{userId}/meetings|webinars}: how the platform finds a meeting whose create answer it lost. */
class HostMeetingsListTests extends EmulatorTestSupport {

    @Test
    void aHostsMeetingsAreListedWithTheirAgendaPageByPageAndDeletedOnesLeaveTheList() {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ZoomHttp.Answer answer = zoom.post("/v2/users/" + HOST + "/meetings", """
                    {"topic":"Breakout %d","type":2,"start_time":"2026-06-02T14:00:00Z","duration":60,
                     "agenda":"[hybridconf-session:s-%d]"}""".formatted(i, i), token);
            assertThat(answer.status()).isEqualTo(201);
            created.add(answer.json().path("id").asLong());
        }
        createMeeting(OTHER_HOST, null);
        assertThat(zoom.send("DELETE", "/v2/meetings/" + created.get(1), null, token).status()).isEqualTo(204);

        JsonNode first = zoom.get("/v2/users/" + HOST + "/meetings?type=scheduled&page_size=1", token).json();
        assertThat(first.path("total_records").asInt()).isEqualTo(2);
        assertThat(first.path("meetings")).hasSize(1);
        assertThat(first.path("meetings").get(0).path("agenda").asString()).isEqualTo("[hybridconf-session:s-0]");
        assertThat(first.path("meetings").get(0).has("start_url")).isFalse();
        JsonNode second = zoom.get("/v2/users/" + HOST + "/meetings?page_size=1&next_page_token="
                + first.path("next_page_token").asString(), token).json();
        assertThat(second.path("meetings").get(0).path("id").asLong()).isEqualTo(created.get(2));
        assertThat(second.path("next_page_token").asString()).isEmpty();

        assertThat(zoom.get("/v2/users/" + WEBINAR_HOST + "/webinars", token).json().path("webinars")).isEmpty();
        assertThat(zoom.get("/v2/users/nobody@hybridconf.example/meetings", token).status()).isEqualTo(404);
        assertThat(outcomes("GET /v2/users/{userId}/meetings").path("200").asInt()).isEqualTo(2);
    }
}
