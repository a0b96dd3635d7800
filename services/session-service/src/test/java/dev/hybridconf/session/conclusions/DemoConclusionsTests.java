package dev.hybridconf.session.conclusions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.session.programme.ProgrammeStore;
import dev.hybridconf.session.programme.SessionKind;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;

/**
 * With {@code platform.session.demo-programmes} on, every breakout of the demo Seminar has its demo conclusions in
 * English, French and Spanish (some with a second revision), posted as {@code demo-loader} and published as
 * {@code session.conclusion-posted.v1} once: loading again writes and emits nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "platform.session.demo-programmes=true")
@PlatformInfrastructure
class DemoConclusionsTests {

    private static final String SEMINAR = "uclg-seminar-campus-2021";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @Autowired
    DemoConclusions demo;

    @Autowired
    Conclusions conclusions;

    @Autowired
    ProgrammeStore programme;

    @Autowired
    TopicNames topics;

    @Test
    void everySeminarBreakoutHasItsDemoConclusionsOnce() {
        List<ProgrammeSession> breakouts = programme.sessions(SEMINAR).stream()
                .filter(s -> s.kind() == SessionKind.BREAKOUT).toList();
        assertThat(breakouts).hasSize(13);
        int revisions = 0;
        Set<String> languages = new TreeSet<>();
        for (ProgrammeSession breakout : breakouts) {
            List<ConclusionsView.RevisionView> history = conclusions.history(breakout.id()).revisions();
            assertThat(history).as(breakout.key()).isNotEmpty().hasSizeLessThanOrEqualTo(2);
            revisions += history.size();
            history.forEach(r -> languages.add(r.language()));
        }
        assertThat(languages).containsExactly("en", "es", "fr");
        assertThat(revisions).isEqualTo(17);

        assertThat(demo.load()).as("loaded again: nothing new").isZero();

        int expected = revisions;
        KafkaProbe kafka = KafkaProbe.shared();
        String topic = topics.physical("session.events");
        await().atMost(DEADLINE).until(() -> posted(kafka.readAll(topic)).size() >= expected);
        List<ConsumerRecord<String, String>> events = posted(kafka.readAll(topic));
        assertThat(events).hasSize(expected);
        assertThat(events).allSatisfy(e -> assertThat(e.value()).contains("\"postedBy\":\"demo-loader\""));
    }

    private static List<ConsumerRecord<String, String>> posted(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> r.value().contains("\"type\":\"session.conclusion-posted.v1\"")
                && r.value().contains("\"conferenceId\":\"" + SEMINAR + "\"")).toList();
    }
}
