package dev.hybridconf.interpretation.roster;

import java.time.LocalDate;

/** An interpreter is available on a conference day, for the whole day or half of it. */
public record Availability(LocalDate day, DayPart part) {
}
