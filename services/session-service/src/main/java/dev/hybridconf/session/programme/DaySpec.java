package dev.hybridconf.session.programme;

import java.time.LocalDate;
import java.util.Map;

/** A conference day as given, with where it was given ({@code days[2]}). */
record DaySpec(String path, LocalDate date, Map<String, String> theme) {

    DaySpec {
        theme = Languages.ordered(theme);
    }

    static DaySpec of(ProgrammeDay day, int index) {
        return new DaySpec("days[" + index + "]", day.date(), day.theme());
    }

    ProgrammeDay toDay() {
        return new ProgrammeDay(date, theme);
    }
}
