package dev.hybridconf.interpretation.roster;

import java.time.LocalTime;

/**
 * A part of a conference day an interpreter is available for, in the conference's time zone. A session
 * fits {@code MORNING} when it ends by 13:30, {@code AFTERNOON} when it starts at 12:00 or later, and
 * {@code DAY} always.
 */
public enum DayPart {
    DAY, MORNING, AFTERNOON;

    private static final LocalTime MORNING_ENDS = LocalTime.of(13, 30);
    private static final LocalTime AFTERNOON_STARTS = LocalTime.of(12, 0);

    /** Whether a session from {@code start} to {@code end} (local times of its conference day) fits this part. */
    public boolean covers(LocalTime start, LocalTime end, boolean endsNextDay) {
        return switch (this) {
            case DAY -> true;
            case MORNING -> !endsNextDay && !end.isAfter(MORNING_ENDS);
            case AFTERNOON -> !start.isBefore(AFTERNOON_STARTS);
        };
    }
}
