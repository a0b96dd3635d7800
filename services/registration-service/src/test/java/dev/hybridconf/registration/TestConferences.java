package dev.hybridconf.registration;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.contracts.session.ConferencePublished;
import dev.hybridconf.contracts.session.ConferenceUpdated;
import dev.hybridconf.contracts.session.RegistrationTerms;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.registration.conference.ConferenceCopy;
import dev.hybridconf.testinfra.KafkaProbe;

/**
 * Conferences for the registration tests, published as the session service publishes them: a
 * {@code conference.published.v1} or {@code conference.updated.v1} on {@code session.events} (the real broker),
 * then a wait until the registration service has applied it. A test class imports {@link Published} to have
 * {@link #CONFERENCE} (open, not invitation-only, the configured places) before its first request.
 */
public final class TestConferences {

    /** The conference the tests register people for unless they say otherwise. */
    public static final String CONFERENCE = "test-conference-2026";

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** Programme versions only grow, as the session service's do; one counter for every conference is enough. */
    private static final AtomicLong VERSIONS = new AtomicLong();
    private static final EventCodec CODEC = new EventCodec();

    private final TopicNames topics;
    private final ConferenceCopy copy;

    public TestConferences(TopicNames topics, ConferenceCopy copy) {
        this.topics = topics;
        this.copy = copy;
    }

    /** Publishes conference {@code id} for the first time and waits until it is known. */
    public void publish(String id, boolean invitationOnly, RegistrationTerms terms) {
        long version = VERSIONS.incrementAndGet();
        send(new ConferencePublished(id, version, 1, names(id), "Europe/Madrid", List.of("en", "fr", "es"),
                LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-03"), invitationOnly, terms, List.of()));
        awaitVersion(id, version);
    }

    /** Publishes new terms of conference {@code id} (as an organiser's change would) and waits until applied. */
    public void update(String id, boolean invitationOnly, RegistrationTerms terms) {
        long version = VERSIONS.incrementAndGet();
        send(new ConferenceUpdated(id, version, version, names(id), "Europe/Madrid", List.of("en", "fr", "es"),
                LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-03"), invitationOnly, terms, List.of()));
        awaitVersion(id, version);
    }

    /** Sends a payload on {@code session.events} as the session service's relay would, without waiting. */
    public CloudEvent send(EventPayload payload) {
        CloudEvent event = CODEC.wrap("session-service", payload);
        KafkaProbe.shared().send(topics.physical("session.events"), event.subject(), CODEC.toJson(event));
        return event;
    }

    private void awaitVersion(String id, long version) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(() -> copy.find(id)
                .filter(known -> known.programmeVersion() >= version).isPresent());
    }

    static Map<String, String> names(String id) {
        return Map.of("en", "Conference " + id, "fr", "Conférence " + id, "es", "Conferencia " + id);
    }

    /** Has {@link #CONFERENCE} published, open and with the configured places, when the application is ready. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Published {

        @Bean
        TestConferences testConferences(TopicNames topics, ConferenceCopy copy) {
            return new TestConferences(topics, copy);
        }

        @Bean
        ApplicationListener<ApplicationReadyEvent> publishTestConference(TestConferences conferences) {
            return ready -> conferences.publish(CONFERENCE, false, RegistrationTerms.UNSTATED);
        }
    }
}
