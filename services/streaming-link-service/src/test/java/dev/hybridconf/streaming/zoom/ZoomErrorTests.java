package dev.hybridconf.streaming.zoom;

import static dev.hybridconf.streaming.zoom.ZoomFixture.MEETING_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Zoom's error answers, as Zoom words them, become the typed errors callers act on. */
class ZoomErrorTests {

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
    void aMissingMeetingIsNotFound() {
        zoom.server.enqueue(ZoomFixture.error(404, 3001, "Meeting does not exist: " + MEETING_ID + "."));

        assertThatThrownBy(() -> client.get(ZoomKind.MEETING, MEETING_ID))
                .isInstanceOfSatisfying(ZoomNotFoundException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.zoomCode()).hasValue(3001);
                    assertThat(e.endpoint()).isEqualTo(ZoomEndpoint.GET_MEETING);
                    assertThat(e.getMessage()).contains("GET /meetings/{meetingId}", "3001");
                });
        assertThat(zoom.server.getRequestCount()).as("a 404 is not retried").isEqualTo(2);
    }

    @Test
    void onlyZoomsMeetingDoesNotExistMeansTheMeetingWasLost() {
        zoom.server.enqueue(ZoomFixture.error(404, 3001, "Webinar " + MEETING_ID + " not found or has expired."));
        zoom.server.enqueue(ZoomFixture.error(404, 1001, "User does not exist: " + ZoomFixture.HOST + "."));
        zoom.server.enqueue(new mockwebserver3.MockResponse.Builder().code(404).build());

        assertThatThrownBy(() -> client.addRegistrants(ZoomKind.WEBINAR, MEETING_ID,
                java.util.List.of(Registrant.of("a@example.org", "A", "B"))))
                .isInstanceOfSatisfying(ZoomBatchIncompleteException.class, e -> assertThat(
                        ZoomNotFoundException.meetingMissing(e)).as("a batch on a lost webinar").isTrue());
        assertThatThrownBy(() -> client.update(ZoomKind.MEETING, MEETING_ID, ZoomFixture.HOST,
                MeetingRequest.settingsOnly(MeetingSettings.platformDefaults(null))))
                .isInstanceOfSatisfying(ZoomNotFoundException.class,
                        e -> assertThat(e.meetingMissing()).as("a missing user").isFalse());
        assertThatThrownBy(() -> client.get(ZoomKind.MEETING, MEETING_ID))
                .isInstanceOfSatisfying(ZoomNotFoundException.class,
                        e -> assertThat(e.meetingMissing()).as("a 404 without Zoom's code (a wrong base URL?)")
                                .isFalse());
    }

    @Test
    void aWebinarIdOnAMeetingEndpointIsAWebinar() {
        zoom.server.enqueue(ZoomFixture.error(400, 3000, "Cannot access webinar info."));

        assertThatThrownBy(() -> client.update(ZoomKind.MEETING, MEETING_ID, ZoomFixture.HOST,
                MeetingRequest.settingsOnly(MeetingSettings.platformDefaults(null))))
                .isInstanceOf(ZoomIsWebinarException.class);
    }

    @Test
    void otherCode3000AnswersAreNotMistakenForAWebinar() {
        zoom.server.enqueue(ZoomFixture.error(400, 3000, "Invalid occurrence_id."));

        assertThatThrownBy(() -> client.delete(ZoomKind.MEETING, MEETING_ID))
                .isInstanceOfSatisfying(ZoomApiException.class, e -> {
                    assertThat(e.zoomCode()).hasValue(3000);
                    assertThat(e.zoomMessage()).isEqualTo("Invalid occurrence_id.");
                });
    }

    @Test
    void theHostCannotBeARegistrant() {
        zoom.server.enqueue(ZoomFixture.error(400, 3027, "Host can not register"));

        assertThatThrownBy(() -> client.addRegistrant(ZoomKind.MEETING, MEETING_ID,
                Registrant.of("host1@hybridconf.example", "Host", "One")))
                .isInstanceOf(ZoomHostCannotRegisterException.class);
    }

    @Test
    void aFullMeetingOrWebinarIsTheRegistrantLimit() {
        zoom.server.enqueue(ZoomFixture.error(404, 3043, "Meeting has reached maximum attendee capacity."));
        zoom.server.enqueue(ZoomFixture.error(400, 3035, "Webinar has reached maximum attendee capacity."));

        assertThatThrownBy(() -> client.addRegistrant(ZoomKind.MEETING, MEETING_ID,
                Registrant.of("amina@dakar.sn", "Amina", "Diallo")))
                .isInstanceOf(ZoomRegistrantLimitException.class);
        assertThatThrownBy(() -> client.addRegistrant(ZoomKind.WEBINAR, MEETING_ID,
                Registrant.of("amina@dakar.sn", "Amina", "Diallo")))
                .isInstanceOf(ZoomRegistrantLimitException.class);
    }

    @Test
    void registrationNotEnabledIsAPlainRefusalNotAMissingMeeting() {
        zoom.server.enqueue(ZoomFixture.error(400, 404,
                "Registration has not been enabled for this meeting: " + MEETING_ID + "."));

        assertThatThrownBy(() -> client.addRegistrant(ZoomKind.MEETING, MEETING_ID,
                Registrant.of("amina@dakar.sn", "Amina", "Diallo")))
                .isInstanceOfSatisfying(ZoomApiException.class, e -> assertThat(e.zoomCode()).hasValue(404));
    }

    @Test
    void anyOtherRefusalKeepsZoomsCodeAndMessage() {
        zoom.server.enqueue(ZoomFixture.error(400, 300,
                "Invalid enforce_login_domains, separate multiple domains by semicolon."));

        assertThatThrownBy(() -> client.createMeeting(ZoomFixture.HOST,
                new MeetingRequest("Breakout 3", null, null, 60, "UTC", null, null)))
                .isInstanceOfSatisfying(ZoomApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.zoomCode()).hasValue(300);
                    assertThat(e.zoomMessage()).startsWith("Invalid enforce_login_domains");
                    assertThat(e.mayHaveReachedZoom()).isTrue();
                });
    }

    @Test
    void aDailyLimitIsRateLimitedAndNotRetried() {
        zoom.server.enqueue(new mockwebserver3.MockResponse.Builder(ZoomFixture.error(429, 429,
                "You have exceeded the daily rate limit of (3) for Add meeting registrant API requests for the"
                        + " registrant (amina@dakar.sn). You can resume at GMT 00:00:00."))
                .setHeader("X-RateLimit-Category", "Light").setHeader("X-RateLimit-Type", "Daily-limit").build());

        assertThatThrownBy(() -> client.addRegistrant(ZoomKind.MEETING, MEETING_ID,
                Registrant.of("amina@dakar.sn", "Amina", "Diallo")))
                .isInstanceOfSatisfying(ZoomRateLimitedException.class, e -> {
                    assertThat(e.daily()).isTrue();
                    assertThat(e.local()).isFalse();
                    assertThat(e.category()).isEqualTo(RateCategory.LIGHT);
                });
        assertThat(zoom.server.getRequestCount()).isEqualTo(2);
        assertThat(zoom.time.sleeps()).isEmpty();
    }

    @Test
    void aMeetingCreateUpdateDailyLimitFromZoomExhaustsTheHostLocally() {
        zoom.server.enqueue(new mockwebserver3.MockResponse.Builder(ZoomFixture.error(429, 429,
                "You have exceeded the daily rate limit (100) of Meeting Create/Update API requests permitted for"
                        + " this particular user. You may resume these requests at GMT 00:00:00."))
                .setHeader("X-RateLimit-Type", "Daily-limit").build());

        assertThatThrownBy(() -> client.createMeeting(ZoomFixture.HOST,
                new MeetingRequest("Breakout 3", null, null, 60, "UTC", null, null)))
                .isInstanceOf(ZoomRateLimitedException.class);
        assertThat(client.remainingDailyWrites(ZoomFixture.HOST)).isZero();
    }
}
