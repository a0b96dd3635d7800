package dev.hybridconf.streaming.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/** No host goes past its daily create/update cap (here 1): sessions go to hosts with writes left, or wait. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.streaming.hosts.seed=host3@hybridconf.example,host4@hybridconf.example",
    "platform.streaming.provisioning.poll-interval=100ms",
    "platform.zoom.daily-write-cap=1"})
@OnZoomEmulator
class DailyCapTests {

    static final String STAFF = TestTokens.shared().token("staff-2", "streaming-staff");

    @Autowired
    ZoomEmulatorServer emulator;

    @Autowired
    TopicNames topics;

    @Autowired
    Sessions sessions;

    @LocalServerPort
    int port;

    @Test
    void aSessionWhoseFreeHostsUsedTheirDayWaitsForMidnightOrANewHost() {
        ProvisioningSupport support = new ProvisioningSupport(topics, port);
        LocalDate day = LocalDate.of(2027, 8, 1);
        List<SessionScheduled> apart = List.of(
                ProvisioningSupport.scheduled("cap-1", "BREAKOUT", day, Instant.parse("2027-08-01T08:00:00Z"), 60,
                        "ONLINE", "A", 1),
                ProvisioningSupport.scheduled("cap-2", "BREAKOUT", day, Instant.parse("2027-08-01T10:00:00Z"), 60,
                        "ONLINE", "B", 1),
                ProvisioningSupport.scheduled("cap-3", "BREAKOUT", day, Instant.parse("2027-08-01T12:00:00Z"), 60,
                        "ONLINE", "C", 1));
        apart.forEach(support::publish);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sessions.onDay(day))
                .extracting(SessionView::provisioning)
                .containsExactlyInAnyOrder("PROVISIONED", "PROVISIONED", "FAILED"));
        List<SessionView> all = sessions.onDay(day);
        assertThat(all.stream().filter(SessionView::provisioned).map(SessionView::hostUserId).distinct())
                .as("one write each: two hosts, two sessions").hasSize(2);
        SessionView waiting = all.stream().filter(s -> s.provisioning().equals("FAILED")).findFirst().orElseThrow();
        assertThat(waiting.failureReason()).isEqualTo("DAILY_CAP_EXHAUSTED");
        JsonNode failed = support.emitted("streaming.provisioning-failed.v1", waiting.sessionId(),
                Duration.ofSeconds(10)).get(0);
        assertThat(Instant.parse(failed.path("data").path("retryAt").asString())).isEqualTo(
                LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(emulator.calls("POST /v2/users/{userId}/meetings")).as("Zoom was never asked past the cap")
                .isEqualTo(2);

        assertThat(support.call("POST", "/api/streaming/hosts", STAFF, "{\"userId\":\"host5@hybridconf.example\"}",
                null).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                sessions.find(waiting.sessionId()).orElseThrow().hostUserId()).isEqualTo("host5@hybridconf.example"));
        assertThat(sessions.find(waiting.sessionId()).orElseThrow().provisioned()).isTrue();
    }
}
