package dev.hybridconf.session.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A conference's programme by conference day, filtered, its times in the reader's zone. A session
 * stays under the conference day it belongs to even when, in the reader's zone, it falls on another
 * date: its {@code start} says so, and {@code crossesMidnight} marks one that runs over a midnight.
 *
 * @param timeZone           the reader's zone
 * @param conferenceTimeZone the zone the programme was set in
 */
public record ProgrammeView(
        String conferenceId,
        Map<String, String> name,
        String timeZone,
        String conferenceTimeZone,
        List<String> languages,
        long programmeVersion,
        List<Day> days) {

    /** One conference day with its theme and its sessions in start order. */
    public record Day(LocalDate date, Map<String, String> theme, List<SessionView> sessions) {
    }
}
