package dev.hybridconf.streaming.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.streaming.StreamingLinkServiceApplication;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The local stack restarted with its saved data: Redis keeps the platform's state (sessions provisioned, join links)
 * while the Zoom emulator, which keeps meetings in memory, comes back empty. The restarted service notices within its
 * reconciliation's start-up delay that no host holds the meetings it expects, re-creates each once, registers every
 * participant again, and every join works within a minute.
 *
 * <p>The service of this class stands for the stack before the restart (its periodic reconciliation is an hour
 * away); a second instance started after the emulator lost everything stands for the restarted service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.streaming.hosts.seed=host1@hybridconf.example:webinar,host2@hybridconf.example:webinar,"
            + "host3@hybridconf.example,host4@hybridconf.example,host5@hybridconf.example,host6@hybridconf.example",
    "platform.streaming.provisioning.poll-interval=100ms",
    "platform.streaming.registrants.poll-interval=100ms",
    "platform.streaming.join.opens-before=7d",
    "platform.streaming.reconciliation.initial-delay=2s",
    "platform.streaming.reconciliation.interval=1h",
    "platform.zoom.retry.initial-backoff=50ms"})
@OnZoomEmulator
class RestartWithSavedDataTests {

    /** "Restarting the local stack with saved data leaves every join working within a minute." */
    static final Duration WITHIN_A_MINUTE = Duration.ofSeconds(60);

    @Autowired
    ZoomEmulatorServer emulator;

    @Autowired
    TopicNames topics;

    @Autowired
    Sessions sessions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @Test
    void afterARestartWithSavedDataEveryJoinWorksAgainWithinAMinute() {
        RepairFixture fixture = new RepairFixture(topics, port, emulator, sessions, meters);
        List<String> participants = fixture.approveRemote(4);
        List<SessionView> provisioned = new ArrayList<>();
        Instant morning = RepairFixture.hoursAhead(0);
        provisioned.add(fixture.provision("restart-opening", "OPENING", morning));
        provisioned.add(fixture.provision("restart-wrap-up", "WRAP_UP", morning.plus(Duration.ofHours(8))));
        for (int i = 0; i < 6; i++) {
            provisioned.add(fixture.provision("restart-side-" + i, "SIDE_EVENT",
                    morning.plus(Duration.ofHours(2 + 2L * (i / 2))).plus(Duration.ofMinutes(5L * (i % 2)))));
        }
        for (SessionView session : provisioned) {
            fixture.awaitEveryJoinWorks(session.sessionId(), participants);
        }

        // The stack stops; the emulator comes back without any meeting (its tokens are gone too); Redis kept all.
        emulator.admin("POST", "/reset", null);
        assertThat(emulator.admin("/meetings")).isEmpty();

        Instant restarted = Instant.now();
        try (ConfigurableApplicationContext replica = new SpringApplicationBuilder(
                StreamingLinkServiceApplication.class).run(restartedServiceArguments())) {
            await().atMost(WITHIN_A_MINUTE).untilAsserted(() -> {
                for (SessionView before : provisioned) {
                    SessionView now = sessions.find(before.sessionId()).orElseThrow();
                    assertThat(now.provisioned()).as(before.sessionId()).isTrue();
                    assertThat(now.meetingId()).isNotEqualTo(before.meetingId());
                    fixture.assertJoinsWork(now, participants);
                }
            });
            Duration took = Duration.between(restarted, Instant.now());
            assertThat(took).isLessThan(WITHIN_A_MINUTE);

            // Exactly one meeting per session at the emulator, on the session's host.
            Set<String> topicsSeen = new HashSet<>();
            for (JsonNode meeting : emulator.admin("/meetings")) {
                assertThat(meeting.path("deleted").asBoolean()).isFalse();
                assertThat(topicsSeen.add(meeting.path("topic").asString())).as("one meeting per session").isTrue();
            }
            assertThat(topicsSeen).hasSize(provisioned.size());
            for (SessionView before : provisioned) {
                SessionView now = sessions.find(before.sessionId()).orElseThrow();
                JsonNode meeting = emulator.admin("/meetings/" + now.meetingId());
                assertThat(meeting.path("hostEmail").asString()).isEqualTo(now.hostUserId());
                assertThat(meeting.path("registrants")).hasSize(participants.size());
            }
        }
    }

    /** The restarted service: the same Kafka, Redis, namespace, Zoom account, token issuer and settings. */
    private String[] restartedServiceArguments() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name : List.of("spring.kafka.bootstrap-servers", "platform.redis.host", "platform.redis.port",
                "platform.namespace", "platform.security.jwk-set-uri", "platform.security.issuer",
                "platform.zoom.oauth-url", "platform.zoom.api-url", "platform.zoom.account-id",
                "platform.zoom.client-id", "platform.zoom.client-secret",
                "platform.streaming.provisioning.poll-interval", "platform.streaming.registrants.poll-interval", "platform.streaming.join.opens-before",
                "platform.streaming.reconciliation.initial-delay", "platform.streaming.reconciliation.interval",
                "platform.zoom.retry.initial-backoff")) {
            String value = environment.getProperty(name);
            if (value != null) {
                properties.put(name, value);
            }
        }
        properties.put("server.port", "0");
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
