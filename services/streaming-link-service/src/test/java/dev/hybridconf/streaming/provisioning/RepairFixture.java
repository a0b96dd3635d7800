package dev.hybridconf.streaming.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import dev.hybridconf.streaming.registrants.TestEvents;
import dev.hybridconf.testinfra.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * What the lost-meeting tests share: sessions provisioned from session events, remote participants approved through
 * registration events, their join links as the join path answers them and as the emulator issued them, the staff
 * board, and the counter of meetings found missing.
 */
final class RepairFixture {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final String REGISTRANT_DOMAIN = "participants.hybridconf.invalid";

    final ProvisioningSupport support;
    final ZoomEmulatorServer emulator;
    final Sessions sessions;
    final MeterRegistry meters;
    final TestEvents events;
    final String staff = TestTokens.shared().token("staff-" + UUID.randomUUID(), "streaming-staff");

    RepairFixture(TopicNames topics, int port, ZoomEmulatorServer emulator, Sessions sessions, MeterRegistry meters) {
        this.support = new ProvisioningSupport(topics, port);
        this.emulator = emulator;
        this.sessions = sessions;
        this.meters = meters;
        this.events = new TestEvents(topics);
    }

    /** A whole hour some days ahead, so that tests of one class never compete for hosts. */
    static Instant hoursAhead(int hours) {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(48 + hours));
    }

    static LocalDate day(Instant start) {
        return start.atZone(MADRID).toLocalDate();
    }

    /** Publishes the session and waits for its meeting; answers the session as provisioned. */
    SessionView provision(String name, String kind, Instant start) {
        support.publish(ProvisioningSupport.scheduled(name, kind, day(start), start, 60, "HYBRID", null, 1));
        return await().atMost(DEADLINE).until(() -> sessions.find(ProvisioningSupport.id(name)).orElse(null),
                s -> s != null && s.provisioned());
    }

    /** Approves that many remote participants; answers their registration ids. */
    List<String> approveRemote(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        events.registrationEvents(ids.stream().map(id -> events.registration(
                new RegistrationApproved(id, ProvisioningSupport.CONFERENCE,
                        "REMOTE", "es", null, null, List.of("participant")))).toList());
        return ids;
    }

    ProvisioningSupport.Answer join(String sessionId, String participant) {
        return support.call("GET", "/api/streaming/sessions/" + sessionId + "/join",
                TestTokens.shared().token(participant, "participant"), null, "en");
    }

    /**
     * The personal join link the emulator gave the participant's registrant in that meeting; null when Zoom no longer
     * has the meeting (unknown or deleted: such a link leads nowhere) or the participant is not registered in it.
     */
    String registrantJoinUrl(String meetingId, String participant) {
        JsonNode meeting;
        try {
            meeting = emulator.admin("/meetings/" + meetingId);
        } catch (IllegalStateException unknownToZoom) {
            return null;
        }
        if (meeting.path("deleted").asBoolean()) {
            return null;
        }
        for (JsonNode registrant : meeting.path("registrants")) {
            if (registrant.path("email").asString().equals(participant + "@" + REGISTRANT_DOMAIN)
                    && registrant.path("status").asString().equals("approved")) {
                return registrant.path("joinUrl").asString();
            }
        }
        return null;
    }

    /** Waits until every participant's join answers 200 with their own registrant link in the session's meeting. */
    SessionView awaitEveryJoinWorks(String sessionId, List<String> participants) {
        await().atMost(DEADLINE).untilAsserted(() -> {
            SessionView session = sessions.find(sessionId).orElseThrow();
            assertThat(session.provisioned()).as("provisioned").isTrue();
            assertJoinsWork(session, participants);
        });
        return sessions.find(sessionId).orElseThrow();
    }

    void assertJoinsWork(SessionView session, List<String> participants) {
        for (String participant : participants) {
            ProvisioningSupport.Answer answer = join(session.sessionId(), participant);
            assertThat(answer.status()).as("join of %s: %s", participant, answer.body()).isEqualTo(200);
            assertThat(answer.json().path("joinUrl").asString()).as("the emulator's registrant link")
                    .isEqualTo(registrantJoinUrl(session.meetingId(), participant));
        }
    }

    /** The session's row on the staff board, read in the given language. */
    JsonNode boardRow(SessionView session, String language) {
        ProvisioningSupport.Answer answer = support.call("GET", "/api/streaming/board?day=" + session.day(), staff,
                null, language);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        for (JsonNode row : answer.json().path("rows")) {
            if (row.path("sessionId").asString().equals(session.sessionId())) {
                return row;
            }
        }
        throw new AssertionError("no board row for " + session.sessionId());
    }

    /** Meetings found missing so far, by how they were detected. */
    double lost(String detection) {
        Counter counter = meters.find("streaming.meetings.lost").tag("detection", detection).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Meetings at the emulator, not deleted, whose topic is the session's (one per session). */
    long liveMeetingsTitled(String name) {
        long count = 0;
        for (JsonNode meeting : emulator.admin("/meetings")) {
            if (!meeting.path("deleted").asBoolean() && meeting.path("topic").asString().equals("Session " + name)) {
                count++;
            }
        }
        return count;
    }

    long creates() {
        return emulator.calls("POST /v2/users/{userId}/meetings") + emulator.calls("POST /v2/users/{userId}/webinars");
    }
}
