package dev.hybridconf.streaming.zoom;

import static dev.hybridconf.streaming.zoom.ZoomFixture.MEETING_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Server-to-Server OAuth: one token for every replica, refreshed early, once, and again on a 401. */
class ZoomTokenTests {

    private final ZoomFixture zoom = new ZoomFixture();

    @AfterEach
    void close() {
        zoom.close();
    }

    @Test
    void fetchesTheTokenWithTheAccountCredentialsGrantAndReusesItAcrossCallsAndReplicas() {
        zoom.enqueueToken("token-A");
        zoom.server.enqueue(ZoomFixture.json(200, ZoomFixture.meetingJson(MEETING_ID, 2)));
        zoom.server.enqueue(ZoomFixture.json(200, ZoomFixture.meetingJson(MEETING_ID, 2)));
        zoom.server.enqueue(ZoomFixture.json(200, ZoomFixture.meetingJson(MEETING_ID, 2)));

        zoom.client().get(ZoomKind.MEETING, MEETING_ID);
        zoom.client().get(ZoomKind.MEETING, MEETING_ID);
        zoom.client().get(ZoomKind.MEETING, MEETING_ID);

        RecordedRequest token = zoom.take();
        assertThat(token.getMethod()).isEqualTo("POST");
        assertThat(token.getUrl().encodedPath()).isEqualTo("/oauth/token");
        assertThat(token.getUrl().queryParameter("grant_type")).isEqualTo("account_credentials");
        assertThat(token.getUrl().queryParameter("account_id")).isEqualTo(ZoomFixture.ACCOUNT);
        assertThat(token.getHeaders().get("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (ZoomFixture.CLIENT_ID + ":" + ZoomFixture.SECRET).getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < 3; i++) {
            RecordedRequest call = zoom.take();
            assertThat(call.getUrl().encodedPath()).isEqualTo("/v2/meetings/" + MEETING_ID);
            assertThat(call.getHeaders().get("Authorization")).isEqualTo("Bearer token-A");
        }
        assertThat(zoom.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void refreshesFiveMinutesBeforeExpiryAndNotBefore() {
        ZoomClient client = zoom.client();
        zoom.server.enqueue(ZoomFixture.token("token-A", 3600, zoom.base()));
        zoom.server.enqueue(ZoomFixture.json(200, ZoomFixture.meetingJson(MEETING_ID, 2)));
        client.get(ZoomKind.MEETING, MEETING_ID);

        zoom.time.advance(Duration.ofMinutes(54).plusSeconds(59));
        zoom.server.enqueue(ZoomFixture.json(200, ZoomFixture.meetingJson(MEETING_ID, 2)));
        client.get(ZoomKind.MEETING, MEETING_ID);

        zoom.time.advance(Duration.ofSeconds(2));
        zoom.server.enqueue(ZoomFixture.token("token-B", 3600, zoom.base()));
        zoom.server.enqueue(ZoomFixture.json(200, ZoomFixture.meetingJson(MEETING_ID, 2)));
        client.get(ZoomKind.MEETING, MEETING_ID);

        List<String> seen = zoom.drain().stream()
                .map(r -> r.getUrl().encodedPath() + " " + r.getHeaders().get("Authorization")).toList();
        assertThat(seen).hasSize(5);
        assertThat(seen.get(0)).startsWith("/oauth/token");
        assertThat(seen.get(1)).endsWith("Bearer token-A");
        assertThat(seen.get(2)).endsWith("Bearer token-A");
        assertThat(seen.get(3)).startsWith("/oauth/token");
        assertThat(seen.get(4)).endsWith("Bearer token-B");
    }

    @Test
    void replicasRefreshingAtOnceFetchExactlyOneToken() throws Exception {
        AtomicInteger tokenRequests = new AtomicInteger();
        zoom.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/oauth/token")) {
                    int n = tokenRequests.incrementAndGet();
                    // Slow enough that every replica finds the token missing while the first one fetches it.
                    return new MockResponse.Builder(ZoomFixture.token("token-" + n, 3599, null))
                            .headersDelay(300, TimeUnit.MILLISECONDS).build();
                }
                return ZoomFixture.json(200, ZoomFixture.meetingJson(MEETING_ID, 2));
            }
        });
        List<ZoomClient> replicas = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            replicas.add(ZoomClient.builder(zoom.properties(), ZoomFixture.redis(), zoom.keys)
                    .meterRegistry(new SimpleMeterRegistry()).clock(Clock.systemUTC()).sleeper(Sleeper.SYSTEM)
                    .build());
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ZoomMeeting>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ZoomClient replica = replicas.get(i % replicas.size());
                calls.add(threads.submit(() -> {
                    start.await();
                    return replica.get(ZoomKind.MEETING, MEETING_ID);
                }));
            }
            start.countDown();
            for (Future<ZoomMeeting> call : calls) {
                assertThat(call.get(20, TimeUnit.SECONDS).id()).isEqualTo(MEETING_ID);
            }
        } finally {
            threads.shutdownNow();
            replicas.forEach(ZoomClient::close);
        }
        assertThat(tokenRequests.get()).isEqualTo(1);
        assertThat(zoom.drain()).filteredOn(r -> r.getUrl().encodedPath().startsWith("/v2/"))
                .hasSize(8)
                .allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer token-1"));
    }

    @Test
    void callsTheRegionalApiUrlTheTokenNames() throws Exception {
        try (MockWebServer regional = new MockWebServer()) {
            regional.start(0);
            String regionalBase = regional.url("/").toString().replaceAll("/$", "");
            zoom.server.enqueue(ZoomFixture.token("token-EU", 3599, regionalBase));
            regional.enqueue(ZoomFixture.json(200, ZoomFixture.meetingJson(MEETING_ID, 2)));

            ZoomMeeting meeting = zoom.client().get(ZoomKind.MEETING, MEETING_ID);

            assertThat(meeting.id()).isEqualTo(MEETING_ID);
            RecordedRequest call = regional.takeRequest(5, TimeUnit.SECONDS);
            assertThat(call.getUrl().encodedPath()).isEqualTo("/v2/meetings/" + MEETING_ID);
            assertThat(call.getHeaders().get("Authorization")).isEqualTo("Bearer token-EU");
            assertThat(zoom.server.getRequestCount()).as("only the token came from the global endpoint").isEqualTo(1);
        }
    }

    @Test
    void answersA401WithOneFreshTokenAndOneRetry() {
        ZoomClient client = zoom.client();
        zoom.enqueueToken("token-A");
        zoom.server.enqueue(ZoomFixture.error(401, 124, "Invalid access token."));
        zoom.enqueueToken("token-B");
        zoom.server.enqueue(ZoomFixture.json(200, ZoomFixture.meetingJson(MEETING_ID, 2)));

        assertThat(client.get(ZoomKind.MEETING, MEETING_ID).id()).isEqualTo(MEETING_ID);

        List<String> seen = zoom.drain().stream()
                .map(r -> r.getUrl().encodedPath() + " " + r.getHeaders().get("Authorization")).toList();
        assertThat(seen).containsExactly(
                "/oauth/token " + seen.get(0).substring(seen.get(0).indexOf(' ') + 1),
                "/v2/meetings/" + MEETING_ID + " Bearer token-A",
                "/oauth/token " + seen.get(2).substring(seen.get(2).indexOf(' ') + 1),
                "/v2/meetings/" + MEETING_ID + " Bearer token-B");
    }

    @Test
    void aSecond401IsAnUnauthorizedErrorWithoutFurtherCalls() {
        ZoomClient client = zoom.client();
        zoom.enqueueToken("token-A");
        zoom.server.enqueue(ZoomFixture.error(401, 124, "Invalid access token."));
        zoom.enqueueToken("token-B");
        zoom.server.enqueue(ZoomFixture.error(401, 124, "Invalid access token."));

        assertThatThrownBy(() -> client.get(ZoomKind.MEETING, MEETING_ID))
                .isInstanceOfSatisfying(ZoomUnauthorizedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.zoomCode()).hasValue(124);
                });
        assertThat(zoom.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void rejectedCredentialsAreAnUnauthorizedError() {
        zoom.server.enqueue(ZoomFixture.json(400,
                "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}"));

        assertThatThrownBy(() -> zoom.client().get(ZoomKind.MEETING, MEETING_ID))
                .isInstanceOfSatisfying(ZoomUnauthorizedException.class, e -> {
                    assertThat(e.endpoint()).isEqualTo(ZoomEndpoint.OAUTH_TOKEN);
                    assertThat(e.zoomMessage()).isEqualTo("Invalid client_id or client_secret");
                    assertThat(e.getMessage()).doesNotContain(ZoomFixture.SECRET);
                });
        assertThat(zoom.server.getRequestCount()).isEqualTo(1);
    }
}
