package dev.hybridconf.zoomemulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Registrants: personal join links, Zoom's limits on registering, batches of 30, approval and cancellation. */
class RegistrantsTests extends EmulatorTestSupport {

    @Test
    void everyRegistrantGetsAPersonalJoinLink() {
        long id = meetingWithRegistration();

        Set<String> links = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (String email : List.of("amina@dakar.sn", "lucia@medellin.gov.co", "jean@lyon.fr")) {
            ZoomHttp.Answer added = register(id, email);
            assertThat(added.status()).isEqualTo(201);
            assertThat(added.json().path("id").asLong()).isEqualTo(id);
            assertThat(added.json().path("topic").asString()).isEqualTo("Breakout B3: Local finance");
            links.add(added.json().path("join_url").asString());
            ids.add(added.json().path("registrant_id").asString());
        }

        assertThat(links).hasSize(3).allSatisfy(link -> assertThat(link).contains("/w/" + id + "?tk="));
        assertThat(ids).hasSize(3);
        JsonNode list = zoom.get("/v2/meetings/" + id + "/registrants", token).json();
        assertThat(list.path("total_records").asInt()).isEqualTo(3);
        assertThat(list.path("registrants").findValuesAsString("join_url")).containsExactlyInAnyOrderElementsOf(links);
        assertThat(list.path("registrants").findValuesAsString("status")).containsOnly("approved");
    }

    @Test
    void registeringSomeoneAgainAnswersTheSameLinkButOnlyThreeTimesADay() {
        long id = meetingWithRegistration();
        String link = register(id, "amina@dakar.sn").json().path("join_url").asString();

        assertThat(register(id, "Amina@Dakar.sn").json().path("join_url").asString()).isEqualTo(link);
        assertThat(register(id, "amina@dakar.sn").json().path("join_url").asString()).isEqualTo(link);
        ZoomHttp.Answer fourth = register(id, "amina@dakar.sn");

        assertThat(fourth.status()).isEqualTo(400);
        assertThat(fourth.json().path("code").asInt()).isEqualTo(3000);
        assertThat(fourth.json().path("message").asString()).contains("limit for the number of attendees");
        assertThat(register(id, "lucia@medellin.gov.co").status()).as("someone else").isEqualTo(201);

        admin("POST", "/clock", "{\"advanceSeconds\":86400}");
        ZoomHttp.Answer nextDay = zoom.post("/v2/meetings/" + id + "/registrants",
                "{\"email\":\"amina@dakar.sn\",\"first_name\":\"Amina\"}", zoom.token());
        assertThat(nextDay.status()).isEqualTo(201);
        assertThat(nextDay.json().path("join_url").asString()).isEqualTo(link);
    }

    @Test
    void theHostAndAlternativeHostsCannotRegister() {
        long id = createMeeting(HOST, "{\"approval_type\":0,\"alternative_hosts\":\"" + OTHER_HOST + "\"}")
                .path("id").asLong();

        for (String email : List.of(HOST, OTHER_HOST)) {
            ZoomHttp.Answer answer = register(id, email);
            assertThat(answer.status()).as(email).isEqualTo(400);
            assertThat(answer.json().path("code").asInt()).as(email).isEqualTo(3027);
            assertThat(answer.json().path("message").asString()).isEqualTo("Host can not register");
        }
        ZoomHttp.Answer batch = zoom.post("/v2/meetings/" + id + "/batch_registrants", batch(2, HOST), token);
        assertThat(batch.json().path("code").asInt()).isEqualTo(3027);
        assertThat(admin("GET", "/meetings/" + id + "/registrants", null).json()).isEmpty();
    }

    @Test
    void aBatchRegistersUpToThirtyAndRefusesMoreWhole() {
        long id = meetingWithRegistration();

        ZoomHttp.Answer thirty = zoom.post("/v2/meetings/" + id + "/batch_registrants", batch(30, null), token);
        assertThat(thirty.status()).isEqualTo(201);
        JsonNode registrants = thirty.json().path("registrants");
        assertThat(registrants).hasSize(30);
        assertThat(new HashSet<>(registrants.findValuesAsString("join_url"))).hasSize(30);
        assertThat(registrants.get(0).path("registrant_id").asString()).isNotBlank();
        assertThat(registrants.get(0).path("email").asString()).isEqualTo("participant0@cities.example");

        ZoomHttp.Answer thirtyOne = zoom.post("/v2/meetings/" + id + "/batch_registrants", batch(31, null), token);
        assertThat(thirtyOne.status()).isEqualTo(400);
        assertThat(thirtyOne.json().path("code").asInt()).isEqualTo(300);
        assertThat(thirtyOne.json().path("message").asString()).contains("30");
        assertThat(zoom.get("/v2/meetings/" + id + "/registrants", token).json().path("total_records").asInt())
                .as("nothing of the refused batch was registered").isEqualTo(30);
    }

    @Test
    void theRegistrantListComesInPages() {
        long id = meetingWithRegistration();
        zoom.post("/v2/meetings/" + id + "/batch_registrants", batch(30, null), token);
        zoom.post("/v2/meetings/" + id + "/batch_registrants", batch(15, "more"), token);

        JsonNode first = zoom.get("/v2/meetings/" + id + "/registrants?page_size=30", token).json();
        assertThat(first.path("total_records").asInt()).isEqualTo(45);
        assertThat(first.path("registrants")).hasSize(30);
        String next = first.path("next_page_token").asString();
        assertThat(next).isNotEmpty();
        JsonNode second = zoom.get("/v2/meetings/" + id + "/registrants?page_size=30&next_page_token=" + next, token)
                .json();
        assertThat(second.path("registrants")).hasSize(15);
        assertThat(second.path("next_page_token").asString()).isEmpty();
    }

    @Test
    void aCancelledRegistrantLeavesTheListAndTheirLinkNoLongerAdmits() {
        long id = meetingWithRegistration();
        JsonNode amina = register(id, "amina@dakar.sn").json();
        register(id, "lucia@medellin.gov.co");

        ZoomHttp.Answer cancelled = zoom.put("/v2/meetings/" + id + "/registrants/status", """
                {"action":"cancel","registrants":[{"id":"%s","email":"amina@dakar.sn"}]}"""
                .formatted(amina.path("registrant_id").asString()), token);

        assertThat(cancelled.status()).isEqualTo(204);
        assertThat(zoom.get("/v2/meetings/" + id + "/registrants", token).json().path("registrants")
                .findValuesAsString("email")).containsExactly("lucia@medellin.gov.co");
        admin("POST", "/meetings/" + id + "/start", null);
        ZoomHttp.Answer join = admin("POST", "/meetings/" + id + "/participants",
                "{\"joinUrl\":\"" + amina.path("join_url").asString() + "\"}");
        assertThat(join.status()).isEqualTo(409);
        assertThat(join.json().path("detail").asString()).contains("cancelled");
    }

    @Test
    void withManualApprovalRegistrantsWaitUntilApproved() {
        long id = createMeeting(HOST, "{\"approval_type\":1}").path("id").asLong();
        String registrantId = zoom.post("/v2/meetings/" + id + "/registrants",
                "{\"email\":\"jean@lyon.fr\",\"first_name\":\"Jean\"}", token).json().path("registrant_id").asString();
        zoom.post("/v2/meetings/" + id + "/registrants", "{\"email\":\"amina@dakar.sn\",\"first_name\":\"Amina\","
                + "\"auto_approve\":true}", token);

        assertThat(zoom.get("/v2/meetings/" + id + "/registrants?status=pending", token).json().path("registrants")
                .findValuesAsString("email")).containsExactly("jean@lyon.fr");

        zoom.put("/v2/meetings/" + id + "/registrants/status",
                "{\"action\":\"approve\",\"registrants\":[{\"id\":\"" + registrantId + "\"}]}", token);

        assertThat(zoom.get("/v2/meetings/" + id + "/registrants", token).json().path("registrants")
                .findValuesAsString("email")).containsExactlyInAnyOrder("jean@lyon.fr", "amina@dakar.sn");
        ZoomHttp.Answer badAction = zoom.put("/v2/meetings/" + id + "/registrants/status",
                "{\"action\":\"promote\",\"registrants\":[{\"id\":\"" + registrantId + "\"}]}", token);
        assertThat(badAction.json().path("errors").findValuesAsString("field")).containsExactly("action");
    }

    @Test
    void aMeetingWithoutRegistrationTakesNoRegistrants() {
        long id = createMeeting(HOST, null).path("id").asLong();

        ZoomHttp.Answer answer = register(id, "amina@dakar.sn");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("message").asString()).contains("has not registration required");
    }

    @Test
    void webinarsTakeRegistrantsTheSameWay() {
        long id = zoom.post("/v2/users/" + WEBINAR_HOST + "/webinars", """
                {"topic":"Opening plenary","type":5,"start_time":"2026-06-01T09:00:00Z","settings":{"approval_type":0}}
                """, token).json().path("id").asLong();

        ZoomHttp.Answer added = zoom.post("/v2/webinars/" + id + "/batch_registrants", batch(3, null), token);

        assertThat(added.status()).isEqualTo(201);
        assertThat(zoom.get("/v2/webinars/" + id + "/registrants", token).json().path("total_records").asInt())
                .isEqualTo(3);
    }

    private static String batch(int size, String extraEmail) {
        StringBuilder body = new StringBuilder("{\"auto_approve\":true,\"registrants\":[");
        for (int i = 0; i < size; i++) {
            String email = extraEmail != null && !extraEmail.contains("@") ? extraEmail + i + "@cities.example"
                    : "participant" + i + "@cities.example";
            body.append(i == 0 ? "" : ",").append("{\"email\":\"").append(email)
                    .append("\",\"first_name\":\"Participant\",\"last_name\":\"").append(i).append("\"}");
        }
        if (extraEmail != null && extraEmail.contains("@")) {
            body.append(",{\"email\":\"").append(extraEmail).append("\",\"first_name\":\"Host\"}");
        }
        return body.append("]}").toString();
    }
}
