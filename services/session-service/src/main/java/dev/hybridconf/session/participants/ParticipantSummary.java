package dev.hybridconf.session.participants;

import java.util.Map;

/** Counts of known participants, for organisers planning rooms and streams. */
public record ParticipantSummary(long total, Map<String, Long> byAttendanceMode) {
}
