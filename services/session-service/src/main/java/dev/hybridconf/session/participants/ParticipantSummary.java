package dev.hybridconf.session.participants;

import java.util.Map;

/** Counts of one conference's known participants, for organisers planning rooms and streams. */
public record ParticipantSummary(String conferenceId, long total, Map<String, Long> byAttendanceMode) {
}
