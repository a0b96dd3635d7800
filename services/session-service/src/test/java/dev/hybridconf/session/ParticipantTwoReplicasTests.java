package dev.hybridconf.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.contracts.registration.ParticipantErased;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationCancelled;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Two replicas of the session service on one broker and one Redis consume 200 registrations going submitted →
 * approved → cancelled, with repeats as a relay takeover leaves them, while one replica goes away mid-stream (its
 * partitions move to the other): every participant ends cancelled, each event applied once, the summary exact, and
 * nothing arriving late brings an erased participant back (real broker, real Redis).
 */
@SpringBootTest
@AutoConfigureMockMvc
@PlatformInfrastructure
class ParticipantTwoReplicasTests {

    static final Duration DEADLINE = Duration.ofSeconds(120);

    @Autowired
    MockMvc mvc;

    @Autowired
    TopicNames topics;

    @Autowired
    PlatformProperties platform;

    @Autowired
    Environment environment;

    private final EventCodec codec = new EventCodec();
    private final KafkaProbe kafka = KafkaProbe.shared();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void twoHundredRegistrationsEndCancelledOnceWhileAReplicaGoesAway() throws Exception {
        String conference = "replicas-" + UUID.randomUUID().toString().substring(0, 8);
        Conferences.ensure(mvc, conference);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        List<String> erased = ids.subList(0, 20);
        ConfigurableApplicationContext replica = new SpringApplicationBuilder(SessionServiceApplication.class)
                .run(replicaArguments());
        try {
            String group = topics.group(platform.serviceName());
            await().atMost(DEADLINE).until(() -> bothMembersHoldPartitions(group));

            List<ProducerRecord<String, String>> firstHalf = new ArrayList<>();
            List<ProducerRecord<String, String>> secondHalf = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                String mode = i % 2 == 0 ? "REMOTE" : "IN_PERSON";
                List<ProducerRecord<String, String>> into = i < 100 ? firstHalf : secondHalf;
                add(into, versioned(new RegistrationSubmitted(id, conference, mode, "fr", "SN"), 1), i % 7 == 0);
                add(into, versioned(new RegistrationApproved(id, conference, mode, "fr", null, null,
                        List.of("participant")), 2), i % 5 == 0);
                add(into, versioned(new RegistrationCancelled(id, conference, mode, true), 3), i % 3 == 0);
            }
            kafka.sendAll(firstHalf);
            // The second replica goes away mid-stream, after it applied some of the events.
            await().atMost(DEADLINE).until(() -> consumed(replica.getBean(MeterRegistry.class)) > 0);
            replica.close();
            kafka.sendAll(secondHalf);
        } finally {
            replica.close();
        }
        List<ProducerRecord<String, String>> erasures = new ArrayList<>();
        for (String id : erased) {
            add(erasures, versioned(new ParticipantErased(id, conference, "REMOTE", false), 4), false);
            // late: an approval older than the erasure, with an id of its own
            add(erasures, versioned(new RegistrationApproved(id, conference, "REMOTE", "fr", null, null,
                    List.of("participant")), 2), false);
        }
        kafka.sendAll(erasures);

        await().atMost(DEADLINE).until(() -> lag() == 0);
        JsonNode summary = json.readTree(mvc.perform(get("/api/sessions/participants/summary?conference=" + conference)
                .with(as("organiser"))).andReturn().getResponse().getContentAsString());
        assertThat(summary.get("total").asLong()).isEqualTo(180);
        for (String id : ids) {
            var response = mvc.perform(get("/api/sessions/participants/" + id).with(as("organiser"))).andReturn()
                    .getResponse();
            if (erased.contains(id)) {
                assertThat(response.getStatus()).as("erased %s", id).isEqualTo(404);
                continue;
            }
            JsonNode participant = json.readTree(response.getContentAsString());
            assertThat(participant.get("status").asString()).as(id).isEqualTo("CANCELLED");
            assertThat(participant.get("eventsApplied").asLong()).as(id).isEqualTo(3);
        }
    }

    private CloudEvent versioned(EventPayload payload, long version) {
        return codec.wrap("registration-service", payload).withAggregateVersion(version);
    }

    private void add(List<ProducerRecord<String, String>> records, CloudEvent event, boolean twice) {
        String value = codec.toJson(event);
        records.add(new ProducerRecord<>(topics.physical("registration.events"), event.subject(), value));
        if (twice) {
            records.add(new ProducerRecord<>(topics.physical("registration.events"), event.subject(), value));
        }
    }

    private static double consumed(MeterRegistry registry) {
        return registry.find("events.consumed").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private long lag() {
        return kafka.lag(topics.group(platform.serviceName()), topics.physical("registration.events"));
    }

    private boolean bothMembersHoldPartitions(String group) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getProperty("spring.kafka.bootstrap-servers"));
        String topic = topics.physical("registration.events");
        try (Admin admin = Admin.create(config)) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return description.groupState() == GroupState.STABLE && description.members().stream()
                    .filter(member -> member.assignment().topicPartitions().stream()
                            .anyMatch(partition -> partition.topic().equals(topic)))
                    .count() == 2;
        }
    }

    /** The second replica: the same Kafka, Redis, namespace and token issuer, its own port and instance id. */
    private String[] replicaArguments() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name : List.of("spring.kafka.bootstrap-servers", "platform.redis.host", "platform.redis.port",
                "platform.namespace", "platform.security.jwk-set-uri", "platform.security.issuer")) {
            String value = environment.getProperty(name);
            if (value != null) {
                properties.put(name, value);
            }
        }
        properties.put("server.port", "0");
        properties.put("platform.instance-id", "replica-2");
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private static RequestPostProcessor as(String role) {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
