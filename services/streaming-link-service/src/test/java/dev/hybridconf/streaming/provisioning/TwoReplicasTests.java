package dev.hybridconf.streaming.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.StreamingLinkServiceApplication;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import dev.hybridconf.streaming.registrants.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas of the service on the same Kafka consumer groups, Redis and Zoom account, as in production
 * (`deploy/k8s` runs two): the session events are split between their listeners and both workers run, yet every
 * session gets exactly one meeting on a host of its own, and every remote participant exactly one registrant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.streaming.hosts.seed=host1@hybridconf.example:webinar,host2@hybridconf.example:webinar,"
            + "host3@hybridconf.example,host4@hybridconf.example,host5@hybridconf.example,host6@hybridconf.example",
    "platform.streaming.provisioning.poll-interval=100ms",
    "platform.streaming.registrants.poll-interval=100ms"})
@OnZoomEmulator
class TwoReplicasTests {

    static final Duration DEADLINE = Duration.ofSeconds(60);

    @Autowired
    ZoomEmulatorServer emulator;

    @Autowired
    Environment environment;

    @Autowired
    TopicNames topics;

    @Autowired
    Sessions sessions;

    @Autowired
    RedisStore store;

    @Autowired
    StreamingKeys keys;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void fortyOneSessionsAndNinetyParticipantsOnTwoReplicasGiveOneMeetingEachAndOneRegistrantEach() throws Exception {
        try (ConfigurableApplicationContext replica = new SpringApplicationBuilder(StreamingLinkServiceApplication.class)
                .run(replicaArguments())) {
            TestEvents events = new TestEvents(topics);
            String provisioningGroup = topics.group("streaming-link-service") + ".provisioning";
            // Both replicas must hold partitions of the session events before they are published, or the first
            // could take them all while the group is still settling.
            await().atMost(DEADLINE).until(() -> bothMembersHoldPartitions(provisioningGroup));

            LocalDate day = LocalDate.of(2027, 9, 14);
            Instant first = Instant.parse("2027-09-14T07:00:00Z");
            List<SessionScheduled> all = new ArrayList<>();
            all.add(ProvisioningSupport.scheduled("replicas-opening", "OPENING", day, first.minus(Duration.ofHours(2)),
                    90, "HYBRID", null, 1));
            for (int slot = 0; slot < 8; slot++) {
                for (int room = 0; room < 5; room++) {
                    all.add(ProvisioningSupport.scheduled("replicas-" + slot + "-" + room, "BREAKOUT", day,
                            first.plus(Duration.ofMinutes(90L * slot)), 60, "HYBRID", "R" + slot, 1));
                }
            }
            ProvisioningSupport support = new ProvisioningSupport(topics, port);
            all.forEach(support::publish);
            List<String> participants = new ArrayList<>();
            for (int i = 0; i < 90; i++) {
                participants.add(UUID.randomUUID().toString());
            }
            events.registrationEvents(participants.stream().map(id -> events.registration(
                    new RegistrationApproved(id, ProvisioningSupport.CONFERENCE,
                            "REMOTE", "es", null, null, List.of("participant")))).toList());

            await().atMost(DEADLINE).untilAsserted(() -> assertThat(sessions.onDay(day)).hasSize(41)
                    .allSatisfy(s -> assertThat(s.provisioned()).as(s.sessionId()).isTrue()));
            SessionView opening = sessions.find(ProvisioningSupport.id("replicas-opening")).orElseThrow();
            await().atMost(DEADLINE).until(() -> store.redis().hlen(keys.registrants(opening.sessionId())) == 90);

            // Both replicas took part: each consumed some of the session events.
            assertThat(consumed(meters)).as("events consumed by the first replica").isPositive();
            assertThat(consumed(replica.getBean(MeterRegistry.class))).as("events consumed by the second").isPositive();

            // Exactly one meeting per session at Zoom, and no host with two sessions at once.
            Map<String, List<JsonNode>> byHost = new LinkedHashMap<>();
            Set<String> titles = new HashSet<>();
            for (JsonNode meeting : emulator.admin("/meetings")) {
                if (!meeting.path("deleted").asBoolean()) {
                    assertThat(titles.add(meeting.path("topic").asString())).as("one meeting per session").isTrue();
                    byHost.computeIfAbsent(meeting.path("hostEmail").asString(), h -> new ArrayList<>()).add(meeting);
                }
            }
            assertThat(titles).hasSize(41);
            byHost.forEach((host, meetings) -> {
                for (JsonNode a : meetings) {
                    for (JsonNode b : meetings) {
                        Instant aStart = Instant.parse(a.path("startTime").asString());
                        Instant aEnd = aStart.plus(Duration.ofMinutes(a.path("duration").asInt()));
                        Instant bStart = Instant.parse(b.path("startTime").asString());
                        assertThat(a != b && !bStart.isBefore(aStart) && bStart.isBefore(aEnd))
                                .as("%s hosts two sessions at once", host).isFalse();
                    }
                }
            });

            // Exactly one registrant per participant in the opening, registered in full batches of 30.
            JsonNode registrants = emulator.admin("/meetings/" + opening.meetingId() + "/registrants");
            Set<String> emails = new HashSet<>();
            registrants.forEach(r -> emails.add(r.path("email").asString()));
            assertThat(registrants.size()).isEqualTo(90);
            assertThat(emails).hasSize(90);
            long batches = 0;
            for (JsonNode call : emulator.admin("/calls").path("recent")) {
                if (call.path("path").asString().equals("/v2/webinars/" + opening.meetingId() + "/batch_registrants")) {
                    batches++;
                }
            }
            assertThat(batches).isEqualTo(3);
        }
    }

    private static double consumed(MeterRegistry registry) {
        return registry.find("events.consumed").tag("type", SessionScheduled.TYPE).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private boolean bothMembersHoldPartitions(String group) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getProperty("spring.kafka.bootstrap-servers"));
        String sessionTopic = topics.physical("session.events");
        try (Admin admin = Admin.create(config)) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return description.groupState() == GroupState.STABLE && description.members().size() == 2
                    && description.members().stream().allMatch(member -> member.assignment().topicPartitions().stream()
                            .anyMatch(partition -> partition.topic().equals(sessionTopic)));
        }
    }

    /** The second replica: the same Kafka, Redis, namespace, Zoom account and token issuer, its own port. */
    private String[] replicaArguments() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name : List.of("spring.kafka.bootstrap-servers", "platform.redis.host", "platform.redis.port",
                "platform.namespace", "platform.security.jwk-set-uri", "platform.security.issuer",
                "platform.zoom.oauth-url", "platform.zoom.api-url", "platform.zoom.account-id", "platform.zoom.client-id",
                "platform.zoom.client-secret", "platform.streaming.provisioning.poll-interval",
                "platform.streaming.registrants.poll-interval")) {
            String value = environment.getProperty(name);
            if (value != null) {
                properties.put(name, value);
            }
        }
        properties.put("server.port", "0");
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
