package dev.hybridconf.streaming.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.hybridconf.contracts.streaming.ZoomWebhookReceived;
import dev.hybridconf.kit.errors.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** Signature, payload reading and attendance arithmetic, without infrastructure. */
class ZoomWebhookUnitTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theSignatureIsHmacSha256OfVersionTimestampAndRawBody() {
        byte[] body = "{\"event\":\"meeting.started\"}".getBytes(StandardCharsets.UTF_8);
        String signature = ZoomSignature.sign("secret", "1700000000", body);
        // printf 'v0:1700000000:{"event":"meeting.started"}' | openssl dgst -sha256 -hmac secret
        assertThat(signature).isEqualTo("v0=43b97af2a3c75e4e49b4c34451b0a0a5b0ca0716eec5e9131d623204464cd61c");
        assertThat(ZoomSignature.matches("secret", "1700000000", body, signature)).isTrue();
        assertThat(ZoomSignature.matches("secret", "1700000001", body, signature)).isFalse();
        assertThat(ZoomSignature.matches("other", "1700000000", body, signature)).isFalse();
        assertThat(ZoomSignature.matches("secret", "1700000000", body, null)).isFalse();
    }

    @Test
    void onlyIdsAndTimesOfAParticipantAreKeptNeverNamesOrEmails() {
        ZoomWebhookReceived received = ZoomPayloads.read(JSON.readTree("""
                {"event":"webinar.participant_left","event_ts":1780000000000,"payload":{"account_id":"a",
                 "object":{"id":"81234567890","uuid":"abc==","participant":{"user_id":"16778240","user_name":"Amina",
                 "email":"amina@example.org","registrant_id":"r-1","participant_uuid":"p-1",
                 "leave_time":"2026-06-02T14:30:00Z"}}}}""")).orElseThrow();
        assertThat(received).isEqualTo(new ZoomWebhookReceived("webinar.participant_left", "81234567890", "abc==",
                Instant.parse("2026-06-02T14:30:00Z"), "r-1", "p-1"));
        assertThat(ZoomPayloads.read(JSON.readTree("""
                {"event":"meeting.live_streaming_started","event_ts":1780000000000,
                 "payload":{"object":{"id":81234567890}}}""")).orElseThrow().occurredAt())
                .isEqualTo(Instant.ofEpochMilli(1780000000000L));
        assertThat(ZoomPayloads.read(JSON.readTree("{\"event\":\"recording.completed\",\"payload\":{}}"))).isEmpty();
    }

    @Test
    void aDeletedMeetingIsKeptWithItsNumericIdButDeletedOccurrencesOfARecurringOneAreNot() {
        ZoomWebhookReceived deleted = ZoomPayloads.read(JSON.readTree("""
                {"event":"meeting.deleted","event_ts":1780000000000,"payload":{"account_id":"a","operator":"h@x.org",
                 "operation":"single","object":{"id":81234567890,"uuid":"abc==","host_id":"h1","type":2,
                 "topic":"Breakout B3"}}}""")).orElseThrow();
        assertThat(deleted).isEqualTo(new ZoomWebhookReceived("meeting.deleted", "81234567890", "abc==",
                Instant.ofEpochMilli(1780000000000L), null, null));
        assertThat(ZoomPayloads.read(JSON.readTree("""
                {"event":"meeting.deleted","event_ts":1780000000000,"payload":{"account_id":"a","operator":"h@x.org",
                 "object":{"id":81234567890,"uuid":"abc==","host_id":"h1","type":8,
                 "occurrences":[{"occurrence_id":"1648194360000","start_time":"2026-06-02T14:00:00Z"}]}}}""")))
                .as("one occurrence of a recurring meeting, not the meeting").isEmpty();
    }

    @Test
    void rejoinsAddUpAndAnOpenStayCountsUntilNow() {
        Instant t0 = Instant.parse("2026-06-02T14:00:00Z");
        AttendanceRecord record = AttendanceRecord.none().joined(t0).left(t0.plusSeconds(600))
                .joined(t0.plusSeconds(900));
        assertThat(record.minutes(t0.plusSeconds(1200))).isEqualTo(15);
        assertThat(record.present()).isTrue();
        assertThat(record.joins()).isEqualTo(2);
        AttendanceRecord done = record.left(t0.plusSeconds(1500));
        assertThat(done.minutes(t0.plusSeconds(9999))).isEqualTo(20);
        assertThat(done.firstJoinedAt()).isEqualTo(t0);
        assertThat(done.lastLeftAt()).isEqualTo(t0.plusSeconds(1500));
    }

    @Test
    void withoutASecretTokenTheEndpointAnswers503() {
        var controller = new ZoomWebhookController(new WebhookProperties("", Duration.ofMinutes(5),
                Duration.ofHours(2), 32, Duration.ofSeconds(10), Duration.ofDays(7)), null, Clock.systemUTC(),
                new SimpleMeterRegistry());
        var request = new MockHttpServletRequest("POST", "/webhooks/zoom");
        request.setContent("{}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> controller.receive(request)).isInstanceOfSatisfying(ProblemException.class,
                problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.messageKey()).isEqualTo("webhook.not-configured");
                });
    }
}
