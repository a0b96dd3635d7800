package dev.hybridconf.streaming.zoom;

import static dev.hybridconf.streaming.zoom.ZoomFixture.MEETING_ID;
import static dev.hybridconf.streaming.zoom.ZoomFixture.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** 429s, 5xx, timeouts and a failing Zoom: what is retried, how long the client waits, when it stops asking. */
class ZoomResilienceTests {

    private final ZoomFixture zoom = new ZoomFixture();

    @AfterEach
    void close() {
        zoom.close();
    }

    private static MockResponse meeting() {
        return ZoomFixture.json(200, ZoomFixture.meetingJson(MEETING_ID, 2));
    }

    private static MeetingRequest breakout() {
        return new MeetingRequest("Breakout 4: Local finance", null, null, 90, "Europe/Madrid", null, null);
    }

    @Test
    void a429WithRetryAfterWaitsExactlyThatLongThenRetries() {
        ZoomClient client = zoom.client();
        zoom.enqueueToken("token-A");
        zoom.server.enqueue(ZoomFixture.rateLimited("2", "Medium", "QPS"));
        zoom.server.enqueue(ZoomFixture.json(201, ZoomFixture.meetingJson(MEETING_ID, 2)));

        ZoomMeeting created = client.createMeeting(ZoomFixture.HOST, breakout());

        assertThat(created.id()).isEqualTo(MEETING_ID);
        assertThat(zoom.time.sleeps()).containsExactly(Duration.ofSeconds(2));
        List<RecordedRequest> requests = zoom.drain();
        assertThat(requests).extracting(RecordedRequest::getRequestLine).containsExactly(
                requests.get(0).getRequestLine(),
                "POST /v2/users/" + ZoomFixture.HOST + "/meetings HTTP/1.1",
                "POST /v2/users/" + ZoomFixture.HOST + "/meetings HTTP/1.1");
        assertThat(client.remainingDailyWrites(ZoomFixture.HOST)).as("both tries reached Zoom").isEqualTo(98);
    }

    @Test
    void a429WithRetryAfterHoldsBackTheCategoryOnEveryReplica() {
        ZoomClient first = zoom.client(p -> p.withRetry(new ZoomProperties.Retry(1, null, 0, null, null)));
        ZoomClient second = zoom.client();
        zoom.enqueueToken("token-A");
        zoom.server.enqueue(ZoomFixture.rateLimited("3", "Medium", "QPS"));
        zoom.server.enqueue(ZoomFixture.noContent());

        assertThatThrownBy(() -> first.cancelRegistrants(ZoomKind.MEETING, MEETING_ID,
                List.of(new RegistrantRef("r1", "a@example.org"))))
                .isInstanceOfSatisfying(ZoomRateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(3));
                    assertThat(e.category()).isEqualTo(RateCategory.MEDIUM);
                    assertThat(e.daily()).isFalse();
                });
        second.cancelRegistrants(ZoomKind.MEETING, MEETING_ID, List.of(new RegistrantRef("r1", "a@example.org")));

        // The other replica waited out the pause (plus at most the limiter's 20 ms spread) before asking Zoom.
        assertThat(zoom.time.sleeps()).hasSize(1);
        assertThat(zoom.time.sleeps().get(0)).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3020));
        assertThat(zoom.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void a429WithoutHeadersBacksOffExponentiallyWithJitter() {
        ZoomClient client = zoom.client();
        zoom.enqueueToken("token-A");
        zoom.server.enqueue(ZoomFixture.rateLimited(null, null, null));
        zoom.server.enqueue(ZoomFixture.rateLimited(null, null, null));
        zoom.server.enqueue(meeting());

        client.get(ZoomKind.MEETING, MEETING_ID);

        // Nominal 500 ms then 1 s, each times (0.5 + jitter) with the fixture's jitter of 0.25.
        assertThat(zoom.time.sleeps()).containsExactly(ms(375), ms(750));
        assertThat(zoom.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aRetryAfterLongerThanTheClientWaitsGoesToTheCaller() {
        ZoomClient client = zoom.client();
        zoom.enqueueToken("token-A");
        zoom.server.enqueue(ZoomFixture.rateLimited("600", "Light", "QPS"));

        assertThatThrownBy(() -> client.get(ZoomKind.MEETING, MEETING_ID))
                .isInstanceOfSatisfying(ZoomRateLimitedException.class,
                        e -> assertThat(e.retryAfter()).hasValue(Duration.ofMinutes(10)));
        assertThat(zoom.time.sleeps()).isEmpty();
    }

    @Test
    void serverErrorsOfAReadAreRetriedUntilItSucceeds() {
        ZoomClient client = zoom.client();
        zoom.enqueueToken("token-A");
        zoom.server.enqueue(ZoomFixture.error(503, 503, "Service Unavailable"));
        zoom.server.enqueue(ZoomFixture.json(502, "<html>Bad Gateway</html>"));
        zoom.server.enqueue(meeting());

        assertThat(client.get(ZoomKind.MEETING, MEETING_ID).id()).isEqualTo(MEETING_ID);

        assertThat(zoom.server.getRequestCount()).isEqualTo(4);
        assertThat(zoom.time.sleeps()).containsExactly(ms(375), ms(750));
        assertThat(zoom.meters.get("zoom.client.requests").tag("endpoint", "GET /meetings/{meetingId}")
                .tag("outcome", "server_error").timer().count()).isEqualTo(2);
        assertThat(zoom.meters.get("zoom.client.requests").tag("endpoint", "GET /meetings/{meetingId}")
                .tag("outcome", "success").timer().count()).isEqualTo(1);
    }

    @Test
    void aServerErrorOnCreateIsNotRetriedBecauseTheMeetingMayExist() {
        ZoomClient client = zoom.client();
        zoom.enqueueToken("token-A");
        zoom.server.enqueue(ZoomFixture.error(500, 500, "Internal Server Error"));

        assertThatThrownBy(() -> client.createMeeting(ZoomFixture.HOST, breakout()))
                .isInstanceOfSatisfying(ZoomServerException.class, e -> assertThat(e.mayHaveReachedZoom()).isTrue());
        assertThat(zoom.server.getRequestCount()).isEqualTo(2);
        assertThat(zoom.time.sleeps()).isEmpty();
    }

    @Test
    void aTimedOutReadIsRetried() {
        ZoomClient client = zoom.client(p -> p.withTimeouts(
                new ZoomProperties.Timeouts(Duration.ofSeconds(2), Duration.ofMillis(700), null, null)));
        zoom.enqueueToken("token-A");
        zoom.server.enqueue(new MockResponse.Builder(meeting()).headersDelay(3, TimeUnit.SECONDS).build());
        zoom.server.enqueue(meeting());

        assertThat(client.get(ZoomKind.MEETING, MEETING_ID).id()).isEqualTo(MEETING_ID);

        assertThat(zoom.time.sleeps()).containsExactly(ms(375));
        assertThat(zoom.meters.get("zoom.client.requests").tag("outcome", "timeout").timer().count()).isEqualTo(1);
    }

    @Test
    void aTimedOutCreateIsNotRetriedAndSaysItMayHaveReachedZoom() {
        ZoomClient client = zoom.client(p -> p.withTimeouts(
                new ZoomProperties.Timeouts(Duration.ofSeconds(2), Duration.ofMillis(700), null, null)));
        zoom.enqueueToken("token-A");
        zoom.server.enqueue(new MockResponse.Builder(ZoomFixture.meeting(MEETING_ID, 2))
                .headersDelay(3, TimeUnit.SECONDS).build());

        assertThatThrownBy(() -> client.createMeeting(ZoomFixture.HOST, breakout()))
                .isInstanceOfSatisfying(ZoomUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ZoomUnavailableException.Reason.TIMEOUT);
                    assertThat(e.mayHaveReachedZoom()).isTrue();
                });
        assertThat(zoom.server.getRequestCount()).isEqualTo(2);
        assertThat(client.remainingDailyWrites(ZoomFixture.HOST)).as("Zoom may have counted it").isEqualTo(99);
    }

    @Test
    void aCreateThatCannotConnectIsRetriedAndNeverCounted() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ZoomClient client = zoom.client();
        zoom.server.enqueue(ZoomFixture.token("token-A", 3599, "http://127.0.0.1:" + closedPort));

        assertThatThrownBy(() -> client.createMeeting(ZoomFixture.HOST, breakout()))
                .isInstanceOfSatisfying(ZoomUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ZoomUnavailableException.Reason.CONNECTION);
                    assertThat(e.mayHaveReachedZoom()).isFalse();
                });
        assertThat(zoom.time.sleeps()).as("4 attempts, 3 waits").containsExactly(ms(375), ms(750), ms(1500));
        assertThat(client.remainingDailyWrites(ZoomFixture.HOST)).isEqualTo(100);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresFailsFastThenProbesAgain() {
        ZoomClient client = zoom.client(p -> p
                .withRetry(new ZoomProperties.Retry(1, null, 0, null, null))
                .withCircuitBreaker(new ZoomProperties.CircuitBreaker(50, 4, 4, Duration.ofSeconds(30), 1)));
        zoom.enqueueToken("token-A");
        for (int i = 0; i < 4; i++) {
            zoom.server.enqueue(ZoomFixture.error(503, 503, "Service Unavailable"));
        }
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> client.get(ZoomKind.MEETING, MEETING_ID)).isInstanceOf(ZoomServerException.class);
        }
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        int requestsSoFar = zoom.server.getRequestCount();

        assertThatThrownBy(() -> client.get(ZoomKind.MEETING, MEETING_ID))
                .isInstanceOfSatisfying(ZoomUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ZoomUnavailableException.Reason.CIRCUIT_OPEN);
                    assertThat(e.mayHaveReachedZoom()).isFalse();
                });
        assertThat(zoom.server.getRequestCount()).as("nothing sent while open").isEqualTo(requestsSoFar);
        assertThat(zoom.meters.get("zoom.client.requests").tag("outcome", "circuit_open").timer().count())
                .isEqualTo(1);

        zoom.time.advance(Duration.ofSeconds(31));
        zoom.server.enqueue(meeting());
        assertThat(client.get(ZoomKind.MEETING, MEETING_ID).id()).isEqualTo(MEETING_ID);
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void refusalsOfRequestsDoNotOpenTheCircuit() {
        ZoomClient client = zoom.client(p -> p
                .withCircuitBreaker(new ZoomProperties.CircuitBreaker(50, 4, 4, Duration.ofSeconds(30), 1)));
        zoom.enqueueToken("token-A");
        for (int i = 0; i < 6; i++) {
            zoom.server.enqueue(ZoomFixture.error(404, 3001, "Meeting does not exist: " + MEETING_ID + "."));
            assertThatThrownBy(() -> client.get(ZoomKind.MEETING, MEETING_ID))
                    .isInstanceOf(ZoomNotFoundException.class);
        }
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
