package dev.hybridconf.streaming.zoom;

import static dev.hybridconf.streaming.zoom.ZoomFixture.MEETING_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** The account's per-second limits and each host's daily create/update cap, kept together by every replica. */
class ZoomLimitsTests {

    private final ZoomFixture zoom = new ZoomFixture();

    @AfterEach
    void close() {
        zoom.close();
    }

    @Test
    void twoReplicasTogetherNeverPassTheLimitOfACategoryInAnySecond() throws Exception {
        ZoomProperties.RateLimits limits = new ZoomProperties.RateLimits(5, 0, 0, Duration.ofSeconds(20));
        List<ZoomRateLimiter> replicas = List.of(
                new ZoomRateLimiter(ZoomFixture.redis(), zoom.keys, limits, Clock.systemUTC(), Sleeper.SYSTEM,
                        Math::random),
                new ZoomRateLimiter(ZoomFixture.redis(), zoom.keys, limits, Clock.systemUTC(), Sleeper.SYSTEM,
                        Math::random));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<List<ZoomRateLimiter.Permit>>> workers = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                ZoomRateLimiter limiter = replicas.get(t % 2);
                workers.add(threads.submit(() -> {
                    List<ZoomRateLimiter.Permit> permits = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        permits.add(limiter.acquire(RateCategory.LIGHT, ZoomEndpoint.GET_MEETING));
                    }
                    return permits;
                }));
            }
            Map<Long, Integer> perSecond = new TreeMap<>();
            for (Future<List<ZoomRateLimiter.Permit>> worker : workers) {
                worker.get(30, TimeUnit.SECONDS).forEach(p -> perSecond.merge(p.windowStart(), 1, Integer::sum));
            }
            assertThat(perSecond.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
            assertThat(perSecond.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(5));
            assertThat(perSecond).hasSizeGreaterThanOrEqualTo(4);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void callsBeyondTheLimitWaitForTheNextSecond() {
        ZoomClient client = zoom.client(p -> p.withRateLimits(new ZoomProperties.RateLimits(2, 0, 0, null)));
        zoom.enqueueToken("token-A");
        for (int i = 0; i < 5; i++) {
            zoom.server.enqueue(ZoomFixture.json(200, ZoomFixture.meetingJson(MEETING_ID, 2)));
        }

        for (int i = 0; i < 5; i++) {
            client.get(ZoomKind.MEETING, MEETING_ID);
        }

        // 2 in the first second, 2 in the next, 1 in the third: two waits to a window edge (+ 5 ms spread).
        assertThat(zoom.time.sleeps()).hasSize(2)
                .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(1), Duration.ofMillis(1005)));
    }

    @Test
    void aLimiterThatCannotGrantInTimeRefusesLocally() {
        TestTime time = new TestTime(Instant.parse("2026-05-12T06:00:00Z"));
        ZoomRateLimiter limiter = new ZoomRateLimiter(ZoomFixture.redis(), zoom.keys,
                new ZoomProperties.RateLimits(0, 0, 1, Duration.ofMillis(500)), time, time, () -> 0);

        limiter.acquire(RateCategory.HEAVY, ZoomEndpoint.BATCH_MEETING_REGISTRANTS);

        assertThatThrownBy(() -> limiter.acquire(RateCategory.HEAVY, ZoomEndpoint.BATCH_MEETING_REGISTRANTS))
                .isInstanceOfSatisfying(ZoomRateLimitedException.class, e -> {
                    assertThat(e.local()).isTrue();
                    assertThat(e.mayHaveReachedZoom()).isFalse();
                });
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aHostsHundredthCreateOrUpdateIsItsLastOfTheDayWhileAnotherHostGoesOn() {
        zoom.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/oauth/token")) {
                    return ZoomFixture.token("token-A", 3599, zoom.base());
                }
                return request.getMethod().equals("PATCH") ? ZoomFixture.noContent()
                        : ZoomFixture.json(201, ZoomFixture.meetingJson(MEETING_ID, 2));
            }
        });
        ZoomClient replicaA = zoom.client();
        ZoomClient replicaB = zoom.client();
        MeetingRequest request = new MeetingRequest("Breakout", null, null, 60, "UTC", null, null);
        String host = "host-busy";
        String other = "host-free";
        for (int i = 0; i < 60; i++) {
            replicaA.createMeeting(host, request);
        }
        for (int i = 0; i < 40; i++) {
            replicaB.update(ZoomKind.MEETING, MEETING_ID, host, request);
        }
        assertThat(replicaA.remainingDailyWrites(host)).isZero();
        int sent = zoom.server.getRequestCount();

        assertThatThrownBy(() -> replicaB.createMeeting(host, request))
                .isInstanceOfSatisfying(ZoomDailyCapExhaustedException.class, e -> {
                    assertThat(e.hostUserId()).isEqualTo(host);
                    assertThat(e.resetsAt()).isEqualTo(Instant.parse("2026-05-13T00:00:00Z"));
                    assertThat(e.mayHaveReachedZoom()).isFalse();
                });
        assertThatThrownBy(() -> replicaA.update(ZoomKind.MEETING, MEETING_ID, host, request))
                .isInstanceOf(ZoomDailyCapExhaustedException.class);
        assertThat(zoom.server.getRequestCount()).as("refused without calling Zoom").isEqualTo(sent);

        assertThat(replicaB.createMeeting(other, request).id()).isEqualTo(MEETING_ID);
        assertThat(replicaA.remainingDailyWrites(other)).isEqualTo(99);
        assertThat(zoom.meters.get("zoom.client.refusals").tag("reason", "daily_cap").counters())
                .extracting(c -> c.count()).containsExactlyInAnyOrder(1.0, 1.0);

        zoom.time.advance(Duration.ofHours(18));
        assertThat(replicaA.remainingDailyWrites(host)).as("00:00 UTC starts a new day").isEqualTo(100);
        replicaA.createMeeting(host, request);
        assertThat(replicaB.remainingDailyWrites(host)).isEqualTo(99);
    }
}
