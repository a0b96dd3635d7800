package dev.hybridconf.streaming.zoom;

import static dev.hybridconf.streaming.zoom.ZoomFixture.MEETING_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;

/** A metric for every call by endpoint template and outcome; the host's start_url nowhere in logs or errors. */
@ExtendWith(OutputCaptureExtension.class)
class ZoomObservabilityTests {

    private final ZoomFixture zoom = new ZoomFixture();
    private final Logger zoomLogger = (Logger) LoggerFactory.getLogger("dev.hybridconf.streaming.zoom");
    private Level previous;

    @BeforeEach
    void verbose() {
        previous = zoomLogger.getLevel();
        zoomLogger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void close() {
        zoomLogger.setLevel(previous);
        zoom.close();
    }

    @Test
    void recordsEveryCallByEndpointTemplateAndOutcomeNeverByConcreteId() {
        ZoomClient client = zoom.client();
        zoom.enqueueToken("token-A");
        zoom.server.enqueue(ZoomFixture.json(201, ZoomFixture.meetingJson(MEETING_ID, 2)));
        zoom.server.enqueue(ZoomFixture.error(404, 3001, "Meeting does not exist: 99999999999."));
        zoom.server.enqueue(ZoomFixture.rateLimited("1", "Light", "QPS"));
        zoom.server.enqueue(ZoomFixture.json(200, ZoomFixture.meetingJson(MEETING_ID, 2)));

        client.createMeeting(ZoomFixture.HOST, new MeetingRequest("Opening", null, null, 60, "UTC", null, null));
        assertThatThrownBy(() -> client.get(ZoomKind.MEETING, 99999999999L)).isInstanceOf(ZoomNotFoundException.class);
        client.get(ZoomKind.MEETING, MEETING_ID);

        assertThat(count("POST /oauth/token", "success")).isEqualTo(1);
        assertThat(count("POST /users/{userId}/meetings", "success")).isEqualTo(1);
        assertThat(count("GET /meetings/{meetingId}", "client_error")).isEqualTo(1);
        assertThat(count("GET /meetings/{meetingId}", "rate_limited")).isEqualTo(1);
        assertThat(count("GET /meetings/{meetingId}", "success")).isEqualTo(1);
        assertThat(zoom.meters.get("zoom.client.requests").tag("endpoint", "POST /users/{userId}/meetings").timer()
                .getId().getTag("category")).isEqualTo("medium");
        for (Meter meter : zoom.meters.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).doesNotContain(ZoomFixture.HOST, Long.toString(MEETING_ID), "99999999999",
                        ZoomFixture.ZAK);
            }
        }
    }

    @Test
    void theStartUrlNeverReachesALogLineOrAnError(CapturedOutput output) {
        ZoomClient client = zoom.client();
        zoom.enqueueToken("token-A");
        zoom.server.enqueue(ZoomFixture.json(201, ZoomFixture.meetingJson(MEETING_ID, 2)));
        zoom.server.enqueue(ZoomFixture.error(503, 503, "Upstream failed for " + ZoomFixture.START_URL));
        zoom.server.enqueue(ZoomFixture.json(200, ZoomFixture.meetingJson(MEETING_ID, 2)));
        zoom.server.enqueue(ZoomFixture.error(400, 300, "Invalid start_url " + ZoomFixture.START_URL));

        ZoomMeeting created = client.createMeeting(ZoomFixture.HOST,
                new MeetingRequest("Opening", null, Instant.parse("2026-05-12T07:00:00Z"), 60, "UTC", null, null));
        ZoomMeeting fetched = client.get(ZoomKind.MEETING, MEETING_ID);
        LoggerFactory.getLogger(ZoomObservabilityTests.class).info("Provisioned {} then {}", created, fetched);
        Throwable refusal = org.assertj.core.api.Assertions.catchThrowable(
                () -> client.update(ZoomKind.MEETING, MEETING_ID, ZoomFixture.HOST,
                        MeetingRequest.settingsOnly(MeetingSettings.platformDefaults(null))));

        assertThat(fetched.startUrl()).as("staff still get the link on request").isEqualTo(ZoomFixture.START_URL);
        assertThat(output.getAll()).contains("retrying").contains("Provisioned").doesNotContain(ZoomFixture.ZAK)
                .doesNotContain("/s/" + MEETING_ID);
        assertThat(refusal).isInstanceOf(ZoomApiException.class);
        assertThat(refusal.getMessage()).doesNotContain(ZoomFixture.ZAK).contains("[link]");
        assertThat(((ZoomException) refusal).zoomMessage()).doesNotContain(ZoomFixture.ZAK);
    }

    private double count(String endpoint, String outcome) {
        var timer = zoom.meters.find("zoom.client.requests").tag("endpoint", endpoint).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
