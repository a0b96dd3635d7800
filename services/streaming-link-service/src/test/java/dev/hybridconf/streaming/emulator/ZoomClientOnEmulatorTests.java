package dev.hybridconf.streaming.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.hybridconf.streaming.zoom.MeetingRequest;
import dev.hybridconf.streaming.zoom.MeetingSettings;
import dev.hybridconf.streaming.zoom.Registrant;
import dev.hybridconf.streaming.zoom.RegisteredParticipant;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.streaming.zoom.ZoomKind;
import dev.hybridconf.streaming.zoom.ZoomMeeting;

/** The service's own Zoom client, unchanged, against the emulator: only the base URLs differ from Zoom's. */
@SpringBootTest
@OnZoomEmulator
class ZoomClientOnEmulatorTests {


    @Autowired
    ZoomEmulatorServer emulator;

    @Autowired
    ZoomClient zoom;

    @Test
    void aMeetingCreatedByTheClientHasPersonalJoinLinksAndAFreshHostLinkOnEveryRead() {
        ZoomMeeting created = zoom.createMeeting("host3@hybridconf.example", new MeetingRequest("Breakout B3",
                MeetingRequest.SCHEDULED_MEETING, Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS),
                90, "Europe/Madrid", null, MeetingSettings.platformDefaults(null)));

        List<RegisteredParticipant> registered = zoom.addRegistrants(ZoomKind.MEETING, created.id(), List.of(
                Registrant.of("amina@example.org", "Amina", "Diallo"), Registrant.of("jorge@example.org", "Jorge", "Paz")));

        assertThat(registered).extracting(RegisteredParticipant::joinUrl).doesNotHaveDuplicates().allMatch(
                url -> url.startsWith(emulator.baseUrl() + "/w/" + created.id()));
        assertThat(zoom.get(ZoomKind.MEETING, created.id()).startUrl()).isNotBlank().isNotEqualTo(created.startUrl());
        assertThat(emulator.calls("POST /v2/users/{userId}/meetings")).isEqualTo(1);
        assertThat(emulator.admin("/meetings/" + created.id()).path("settings").path("approval_type").asInt())
                .isEqualTo(MeetingSettings.APPROVAL_MANUAL);
    }
}
