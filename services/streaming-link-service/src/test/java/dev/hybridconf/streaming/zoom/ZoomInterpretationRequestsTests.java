package dev.hybridconf.streaming.zoom;

import static dev.hybridconf.streaming.zoom.ZoomFixture.MEETING_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The interpretation settings as the client sends them, in the shape of Zoom's meeting and webinar API:
 * {@code settings.language_interpretation {enable, interpreters[{email, languages: "US,FR"}]}} and
 * {@code settings.sign_language_interpretation {enable, interpreters[{email, sign_language}]}}.
 */
class ZoomInterpretationRequestsTests {

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
    void anInterpretationUpdateSendsOnlyTheTwoSettingsObjectsWholeAndCountsTowardTheDailyCap() {
        zoom.server.enqueue(ZoomFixture.noContent());

        client.update(ZoomKind.WEBINAR, MEETING_ID, ZoomFixture.HOST, MeetingRequest.settingsOnly(
                MeetingSettings.interpretationOnly(LanguageInterpretation.of(List.of(
                        Interpreter.between("ines@interpreters.example", ZoomLanguage.ENGLISH, ZoomLanguage.FRENCH))),
                        SignLanguageInterpretation.of(List.of(
                                new SignInterpreter("sign@interpreters.example", "International Sign"))))));

        zoom.take();
        RecordedRequest update = zoom.take();
        assertThat(update.getRequestLine()).isEqualTo("PATCH /v2/webinars/" + MEETING_ID + " HTTP/1.1");
        assertThat(update.getBody().utf8()).isEqualTo("""
                {"settings":{"language_interpretation":{"enable":true,"interpreters":[\
                {"email":"ines@interpreters.example","languages":"US,FR"}]},\
                "sign_language_interpretation":{"enable":true,"interpreters":[\
                {"email":"sign@interpreters.example","sign_language":"International Sign"}]}}}""");
        assertThat(client.remainingDailyWrites(ZoomFixture.HOST)).isEqualTo(99);
    }

    @Test
    void turningInterpretationOffSendsEmptyListsAndAMeetingIsCreatedWithItsInterpreters() {
        zoom.server.enqueue(ZoomFixture.noContent());
        zoom.server.enqueue(ZoomFixture.meeting(MEETING_ID, 2));

        client.update(ZoomKind.MEETING, MEETING_ID, ZoomFixture.HOST, MeetingRequest.settingsOnly(
                MeetingSettings.interpretationOnly(LanguageInterpretation.off(), SignLanguageInterpretation.off())));
        client.createMeeting(ZoomFixture.HOST, new MeetingRequest("Breakout B3", null,
                Instant.parse("2026-06-02T14:00:00Z"), 90, "Africa/Dakar", null, MeetingSettings.platformDefaults(null)
                        .withLanguageInterpretation(LanguageInterpretation.of(List.of(Interpreter.between(
                                "pablo@interpreters.example", ZoomLanguage.FRENCH, ZoomLanguage.SPANISH))))
                        .withSignLanguageInterpretation(SignLanguageInterpretation.of(List.of(
                                new SignInterpreter("lsf@interpreters.example", "French"))))));

        zoom.take();
        assertThat(zoom.take().getBody().utf8()).isEqualTo("""
                {"settings":{"language_interpretation":{"enable":false,"interpreters":[]},\
                "sign_language_interpretation":{"enable":false,"interpreters":[]}}}""");
        JsonNode created = json.readTree(zoom.take().getBody().utf8()).path("settings");
        assertThat(created.path("approval_type").asInt()).as("the platform's settings stay").isEqualTo(1);
        assertThat(created.path("language_interpretation").path("interpreters").get(0).path("languages").asString())
                .isEqualTo("FR,ES");
        assertThat(created.path("sign_language_interpretation").path("interpreters").get(0).path("sign_language")
                .asString()).isEqualTo("French");
    }

    @Test
    void zoomsAnswerIsReadBackAndNoInterpretersEmailReachesALogLine() {
        zoom.server.enqueue(ZoomFixture.json(200, ZoomFixture.meetingJson(MEETING_ID, 2).replace(
                "\"meeting_authentication\":false", """
                "sign_language_interpretation":{"enable":true,"interpreters":[
                  {"email":"asl@interpreters.example","sign_language":"American"}]},"meeting_authentication":false""")));

        ZoomMeeting meeting = client.get(ZoomKind.MEETING, MEETING_ID);

        assertThat(meeting.settings().signLanguageInterpretation().interpreters())
                .containsExactly(new SignInterpreter("asl@interpreters.example", "American"));
        assertThat(meeting.settings().languageInterpretation().interpreters()).hasSize(2);
        assertThat(meeting.toString()).doesNotContain("@interpreters.example").doesNotContain("interp.fr@");
    }

    @Test
    void zoomsLimitOfTwentyInterpretersIsKeptBeforeAnythingIsSent() {
        List<SignInterpreter> many = java.util.stream.IntStream.range(0, 21)
                .mapToObj(i -> new SignInterpreter("s" + i + "@interpreters.example", "British")).toList();

        assertThatThrownBy(() -> SignLanguageInterpretation.of(many)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20");
    }
}
