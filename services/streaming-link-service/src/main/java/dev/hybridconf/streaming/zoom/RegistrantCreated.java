package dev.hybridconf.streaming.zoom;

import java.time.Instant;

/**
 * Zoom's answer to one registration: the personal join link, unique to this registrant.
 *
 * @param id the meeting or webinar id
 */
public record RegistrantCreated(Long id, String registrantId, String joinUrl, String topic, Instant startTime,
        Long participantPinCode) {
}
