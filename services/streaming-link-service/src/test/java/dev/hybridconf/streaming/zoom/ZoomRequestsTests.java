package dev.hybridconf.streaming.zoom;

import static dev.hybridconf.streaming.zoom.ZoomFixture.MEETING_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the client sends Zoom and reads back: paths, snake_case bodies, batches of 30. */
class ZoomRequestsTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ZoomFixture zoom = new ZoomFixture();
    private ZoomClient client;

    @BeforeEach
    void token() {
        client = zoom.client();
        zoom.enqueueToken("token-A");
    }

    @AfterEach
    void close() {
        zoom.close();
    }

    @Test
    void createsAScheduledMeetingWithInterpretationAndReadsZoomsAnswer() {
        zoom.server.enqueue(ZoomFixture.meeting(MEETING_ID, 2));
        MeetingSettings settings = MeetingSettings.platformDefaults(LanguageInterpretation.of(List.of(
                Interpreter.between("interp.fr@hybridconf.example", ZoomLanguage.ENGLISH, ZoomLanguage.FRENCH),
                Interpreter.between("interp.es@hybridconf.example", ZoomLanguage.ENGLISH,
                        ZoomLanguage.forIso("es").orElseThrow()))));

        ZoomMeeting meeting = client.createMeeting(ZoomFixture.HOST, new MeetingRequest(
                "Plenary: Opening of the World Summit", null, Instant.parse("2026-05-12T07:00:00Z"), 90,
                "Europe/Madrid", null, settings));

        assertThat(meeting.id()).isEqualTo(MEETING_ID);
        assertThat(meeting.kind()).isEqualTo(ZoomKind.MEETING);
        assertThat(meeting.joinUrl()).startsWith("https://us05web.zoom.us/j/" + MEETING_ID);
        assertThat(meeting.startUrl()).isEqualTo(ZoomFixture.START_URL);
        assertThat(meeting.startTime()).isEqualTo(Instant.parse("2026-05-12T07:00:00Z"));
        assertThat(meeting.settings().languageInterpretation().interpreters()).hasSize(2);
        assertThat(meeting.toString()).doesNotContain(ZoomFixture.ZAK);

        zoom.take();
        RecordedRequest create = zoom.take();
        assertThat(create.getRequestLine()).isEqualTo("POST /v2/users/" + ZoomFixture.HOST + "/meetings HTTP/1.1");
        JsonNode body = json.readTree(create.getBody().utf8());
        assertThat(body.get("type").asInt()).isEqualTo(2);
        assertThat(body.get("start_time").asString()).isEqualTo("2026-05-12T07:00:00Z");
        assertThat(body.get("duration").asInt()).isEqualTo(90);
        assertThat(body.has("agenda")).as("unset fields are not sent").isFalse();
        JsonNode sent = body.get("settings");
        assertThat(sent.get("approval_type").asInt()).isEqualTo(1);
        assertThat(sent.get("waiting_room").asBoolean()).isTrue();
        assertThat(sent.get("registrants_confirmation_email").asBoolean()).isFalse();
        JsonNode interpretation = sent.get("language_interpretation");
        assertThat(interpretation.get("enable").asBoolean()).isTrue();
        assertThat(interpretation.get("interpreters").get(0).get("email").asString())
                .isEqualTo("interp.fr@hybridconf.example");
        assertThat(interpretation.get("interpreters").get(0).get("languages").asString()).isEqualTo("US,FR");
        assertThat(interpretation.get("interpreters").get(1).get("languages").asString()).isEqualTo("US,ES");
    }

    @Test
    void createsAWebinarAsType5() {
        zoom.server.enqueue(ZoomFixture.meeting(MEETING_ID, 5));

        ZoomMeeting webinar = client.createWebinar(ZoomFixture.HOST,
                new MeetingRequest("Closing plenary", null, null, 60, "UTC", null, null));

        assertThat(webinar.kind()).isEqualTo(ZoomKind.WEBINAR);
        zoom.take();
        RecordedRequest create = zoom.take();
        assertThat(create.getUrl().encodedPath()).isEqualTo("/v2/users/" + ZoomFixture.HOST + "/webinars");
        assertThat(json.readTree(create.getBody().utf8()).get("type").asInt()).isEqualTo(5);
    }

    @Test
    void updatesOnlyWhatItNamesAndDeletes() {
        zoom.server.enqueue(ZoomFixture.noContent());
        zoom.server.enqueue(ZoomFixture.noContent());

        client.update(ZoomKind.WEBINAR, MEETING_ID, ZoomFixture.HOST,
                new MeetingRequest(null, null, Instant.parse("2026-05-13T08:30:00Z"), 45, null, null, null));
        client.delete(ZoomKind.MEETING, MEETING_ID);

        zoom.take();
        RecordedRequest update = zoom.take();
        assertThat(update.getRequestLine()).isEqualTo("PATCH /v2/webinars/" + MEETING_ID + " HTTP/1.1");
        assertThat(update.getBody().utf8()).isEqualTo("{\"start_time\":\"2026-05-13T08:30:00Z\",\"duration\":45}");
        assertThat(zoom.take().getRequestLine()).isEqualTo("DELETE /v2/meetings/" + MEETING_ID + " HTTP/1.1");
        assertThat(client.remainingDailyWrites(ZoomFixture.HOST)).as("the update counted, the delete did not")
                .isEqualTo(99);
    }

    @Test
    void registersOnePersonApprovedWithTheirOwnJoinLink() {
        zoom.server.enqueue(ZoomFixture.json(201, """
                {"id":%d,"join_url":"https://us05web.zoom.us/w/%d?tk=personal-amina","registrant_id":"fdgsfh2ey82fuh",
                 "start_time":"2026-05-12T07:00:00Z","topic":"Plenary: Opening","occurrences":[],
                 "participant_pin_code":380303}""".formatted(MEETING_ID, MEETING_ID)));

        RegistrantCreated created = client.addRegistrant(ZoomKind.MEETING, MEETING_ID,
                new Registrant("amina@dakar.sn", "Amina", "Diallo", "fr-FR"));

        assertThat(created.registrantId()).isEqualTo("fdgsfh2ey82fuh");
        assertThat(created.joinUrl()).endsWith("tk=personal-amina");
        assertThat(created.participantPinCode()).isEqualTo(380303L);
        zoom.take();
        RecordedRequest add = zoom.take();
        assertThat(add.getUrl().encodedPath()).isEqualTo("/v2/meetings/" + MEETING_ID + "/registrants");
        JsonNode body = json.readTree(add.getBody().utf8());
        assertThat(body.get("first_name").asString()).isEqualTo("Amina");
        assertThat(body.get("last_name").asString()).isEqualTo("Diallo");
        assertThat(body.get("language").asString()).isEqualTo("fr-FR");
        assertThat(body.get("auto_approve").asBoolean()).isTrue();
    }

    @Test
    void registers65PeopleIn3BatchesOf30_30And5() {
        List<Registrant> people = people(65);
        enqueueBatchAnswer(people.subList(0, 30));
        enqueueBatchAnswer(people.subList(30, 60));
        enqueueBatchAnswer(people.subList(60, 65));

        List<RegisteredParticipant> registered = client.addRegistrants(ZoomKind.MEETING, MEETING_ID, people);

        assertThat(registered).hasSize(65);
        assertThat(registered).extracting(RegisteredParticipant::joinUrl).doesNotHaveDuplicates();
        zoom.take();
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordedRequest batch = zoom.take();
            assertThat(batch.getRequestLine())
                    .isEqualTo("POST /v2/meetings/" + MEETING_ID + "/batch_registrants HTTP/1.1");
            JsonNode body = json.readTree(batch.getBody().utf8());
            assertThat(body.get("auto_approve").asBoolean()).isTrue();
            assertThat(body.get("registrants_confirmation_email").asBoolean()).isFalse();
            assertThat(body.get("registrants").get(0).has("first_name")).isTrue();
            sizes.add(body.get("registrants").size());
        }
        assertThat(sizes).containsExactly(30, 30, 5);
        assertThat(zoom.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aFailedBatchReportsWhoWasAndWasNotRegistered() {
        List<Registrant> people = people(65);
        enqueueBatchAnswer(people.subList(0, 30));
        zoom.server.enqueue(ZoomFixture.error(400, 3038,
                "Meeting is over, you can not register now. If you have any questions, please contact the Meeting host."));

        assertThatThrownBy(() -> client.addRegistrants(ZoomKind.MEETING, MEETING_ID, people))
                .isInstanceOfSatisfying(ZoomBatchIncompleteException.class, e -> {
                    assertThat(e.registered()).hasSize(30);
                    assertThat(e.notRegistered()).hasSize(35).first().isEqualTo(people.get(30));
                    assertThat(e.failure()).isInstanceOf(ZoomApiException.class);
                    assertThat(e.zoomCode()).hasValue(3038);
                });
        assertThat(zoom.server.getRequestCount()).as("the third batch is not sent").isEqualTo(3);
    }

    @Test
    void cancelsRegistrants30ACall() {
        zoom.server.enqueue(ZoomFixture.noContent());
        zoom.server.enqueue(ZoomFixture.noContent());
        List<RegistrantRef> refs = IntStream.range(0, 31)
                .mapToObj(i -> new RegistrantRef("reg" + i, "p" + i + "@example.org")).toList();

        client.cancelRegistrants(ZoomKind.WEBINAR, MEETING_ID, refs);

        zoom.take();
        RecordedRequest first = zoom.take();
        assertThat(first.getRequestLine())
                .isEqualTo("PUT /v2/webinars/" + MEETING_ID + "/registrants/status HTTP/1.1");
        JsonNode body = json.readTree(first.getBody().utf8());
        assertThat(body.get("action").asString()).isEqualTo("cancel");
        assertThat(body.get("registrants").size()).isEqualTo(30);
        assertThat(body.get("registrants").get(0).get("id").asString()).isEqualTo("reg0");
        assertThat(body.get("registrants").get(0).get("email").asString()).isEqualTo("p0@example.org");
        assertThat(json.readTree(zoom.take().getBody().utf8()).get("registrants").size()).isEqualTo(1);
    }

    @Test
    void readsAndSetsTheLiveStreamAndStartsAndStopsIt() {
        zoom.server.enqueue(ZoomFixture.json(200, """
                {"stream_url":"rtmp://live.example.org/app","stream_key":"sk-live-123",
                 "page_url":"https://live.example.org/uclg","resolution":"1080p"}"""));
        zoom.server.enqueue(ZoomFixture.noContent());
        zoom.server.enqueue(ZoomFixture.noContent());
        zoom.server.enqueue(ZoomFixture.noContent());

        LiveStream stream = client.getLiveStream(ZoomKind.MEETING, MEETING_ID);
        client.updateLiveStream(ZoomKind.MEETING, MEETING_ID,
                new LiveStream("rtmp://live.example.org/app", "sk-live-456", "https://live.example.org/uclg", null));
        client.startLiveStream(ZoomKind.MEETING, MEETING_ID, "UCLG World Summit");
        client.stopLiveStream(ZoomKind.MEETING, MEETING_ID);

        assertThat(stream.streamKey()).isEqualTo("sk-live-123");
        assertThat(stream.toString()).doesNotContain("sk-live-123");
        zoom.take();
        assertThat(zoom.take().getRequestLine()).isEqualTo("GET /v2/meetings/" + MEETING_ID + "/livestream HTTP/1.1");
        RecordedRequest update = zoom.take();
        assertThat(update.getRequestLine()).isEqualTo("PATCH /v2/meetings/" + MEETING_ID + "/livestream HTTP/1.1");
        assertThat(json.readTree(update.getBody().utf8()).get("stream_key").asString()).isEqualTo("sk-live-456");
        RecordedRequest start = zoom.take();
        assertThat(start.getRequestLine())
                .isEqualTo("PATCH /v2/meetings/" + MEETING_ID + "/livestream/status HTTP/1.1");
        JsonNode started = json.readTree(start.getBody().utf8());
        assertThat(started.get("action").asString()).isEqualTo("start");
        assertThat(started.get("settings").get("display_name").asString()).isEqualTo("UCLG World Summit");
        assertThat(json.readTree(zoom.take().getBody().utf8()).get("action").asString()).isEqualTo("stop");
    }

    private static List<Registrant> people(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> Registrant.of("participant" + i + "@cities.example", "Participant" + i, "Remote"))
                .toList();
    }

    private void enqueueBatchAnswer(List<Registrant> batch) {
        StringBuilder body = new StringBuilder("{\"registrants\":[");
        for (int i = 0; i < batch.size(); i++) {
            Registrant r = batch.get(i);
            body.append(i == 0 ? "" : ",").append("{\"email\":\"").append(r.email())
                    .append("\",\"join_url\":\"https://us05web.zoom.us/w/").append(MEETING_ID).append("?tk=")
                    .append(r.email().hashCode()).append("\",\"registrant_id\":\"r-").append(r.email().hashCode())
                    .append("\",\"participant_pin_code\":").append(100000 + i).append('}');
        }
        zoom.server.enqueue(ZoomFixture.json(201, body.append("]}").toString()));
    }
}
