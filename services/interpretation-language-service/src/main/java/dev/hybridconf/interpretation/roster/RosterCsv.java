package dev.hybridconf.interpretation.roster;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import dev.hybridconf.kit.validation.PlainTextRules;
import dev.hybridconf.kit.web.SpreadsheetCells;

/**
 * The roster's CSV cells, read and written the same way:
 * <ul>
 * <li>{@code languages}: {@code es-A en-B* fr-C}, space separated, {@code *} marking a B the interpreter works
 * into (a retour);</li>
 * <li>{@code mode}: {@code on-site} or {@code remote};</li>
 * <li>{@code availability}: {@code all} (every day of the conference, once its days are known), {@code none}, or
 * days {@code 2021-02-16}, mornings {@code 2021-02-16am} and afternoons {@code 2021-02-16pm}, space separated;</li>
 * <li>{@code partners}: the e-mails of preferred booth partners on the same roster, space separated.</li>
 * </ul>
 * Cells may also be separated by commas or semicolons inside a cell. The export guards every cell against
 * spreadsheet formulas ({@link SpreadsheetCells}) and starts with a byte order mark; the import reads such a file
 * back unchanged.
 */
final class RosterCsv {

    private static final Pattern SKILL = Pattern.compile("([A-Za-z]{2,3})-([A-Za-z])(\\*?)");
    private static final Pattern DAY_PART = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(am|pm|AM|PM)?");
    private static final String SEPARATORS = "[\\s,;]+";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n")
            .setCommentMarker('#').get();

    private RosterCsv() {
    }

    static List<String> tokens(String cell) {
        List<String> tokens = new ArrayList<>();
        for (String token : cell.strip().split(SEPARATORS)) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** The languages of a cell, or problems naming each token that is not a known language with its class. */
    static List<LanguageSkill> languages(String cell, List<Invalid> problems) {
        List<String> tokens = tokens(cell);
        List<LanguageSkill> skills = new ArrayList<>();
        if (tokens.isEmpty()) {
            problems.add(new Invalid("languages", "roster.field.languages-required"));
            return skills;
        }
        if (tokens.size() > ProfileRules.LANGUAGES_MAX) {
            problems.add(new Invalid("languages", "roster.field.too-many", ProfileRules.LANGUAGES_MAX));
            return skills;
        }
        boolean valid = true;
        for (String token : tokens) {
            Matcher matcher = SKILL.matcher(token);
            Optional<String> language = matcher.matches() ? ProfileRules.language(matcher.group(1)) : Optional.empty();
            Optional<LanguageClass> level = matcher.matches() ? ProfileRules.level(matcher.group(2)) : Optional.empty();
            if (language.isEmpty() || level.isEmpty()) {
                problems.add(new Invalid("languages", "roster.import.language-token", shorten(token)));
                valid = false;
                continue;
            }
            skills.add(new LanguageSkill(language.get(), level.get(), !matcher.group(3).isEmpty()));
        }
        if (valid) {
            ProfileRules.checkLanguages(skills, skills.stream().map(s -> "languages").toList(), "languages", problems);
        }
        return skills;
    }

    static String languages(List<LanguageSkill> skills) {
        return String.join(" ", skills.stream()
                .map(s -> s.language() + "-" + s.level().name() + (s.retour() ? "*" : "")).toList());
    }

    static String mode(WorkMode mode) {
        return mode == WorkMode.ON_SITE ? "on-site" : "remote";
    }

    /**
     * The availability of a cell: {@code all} needs the conference's days, {@code none} is no day at all.
     */
    static List<Availability> availability(String cell, Optional<Set<LocalDate>> conferenceDays,
            List<Invalid> problems) {
        List<String> tokens = tokens(cell);
        List<Availability> days = new ArrayList<>();
        if (tokens.isEmpty()) {
            problems.add(new Invalid("availability", "roster.import.availability-required"));
            return days;
        }
        if (tokens.size() == 1 && tokens.get(0).equalsIgnoreCase("none")) {
            return days;
        }
        if (tokens.size() == 1 && tokens.get(0).equalsIgnoreCase("all")) {
            if (conferenceDays.isEmpty()) {
                problems.add(new Invalid("availability", "roster.import.all-days-unknown"));
                return days;
            }
            new TreeSet<>(conferenceDays.get()).forEach(day -> days.add(new Availability(day, DayPart.DAY)));
            return days;
        }
        if (tokens.size() > ProfileRules.AVAILABILITY_MAX) {
            problems.add(new Invalid("availability", "roster.field.too-many", ProfileRules.AVAILABILITY_MAX));
            return days;
        }
        boolean valid = true;
        for (String token : tokens) {
            Matcher matcher = DAY_PART.matcher(token);
            Optional<LocalDate> day = matcher.matches() ? ProfileRules.day(matcher.group(1)) : Optional.empty();
            if (day.isEmpty()) {
                problems.add(new Invalid("availability", "roster.import.day-token", shorten(token)));
                valid = false;
                continue;
            }
            String half = matcher.group(2);
            DayPart part = half == null ? DayPart.DAY
                    : half.equalsIgnoreCase("am") ? DayPart.MORNING : DayPart.AFTERNOON;
            days.add(new Availability(day.get(), part));
        }
        if (valid) {
            ProfileRules.checkAvailability(days, days.stream().map(d -> "availability").toList(), "availability",
                    conferenceDays, problems);
        }
        return days;
    }

    /** {@code all} when the entry is available every whole day of a conference whose days are known. */
    static String availability(List<Availability> availability, Optional<Set<LocalDate>> conferenceDays) {
        if (availability.isEmpty()) {
            return "none";
        }
        if (conferenceDays.isPresent() && !conferenceDays.get().isEmpty()
                && availability.stream().allMatch(a -> a.part() == DayPart.DAY)
                && availability.size() == conferenceDays.get().size()
                && availability.stream().map(Availability::day).allMatch(conferenceDays.get()::contains)) {
            return "all";
        }
        return String.join(" ", availability.stream().map(a -> a.day() + switch (a.part()) {
            case DAY -> "";
            case MORNING -> "am";
            case AFTERNOON -> "pm";
        }).toList());
    }

    /** The whole roster as CSV, in roster order, each cell guarded against spreadsheet formulas. */
    static String export(List<InterpreterProfile> roster, Optional<Set<LocalDate>> conferenceDays) {
        Map<String, String> emails = new java.util.HashMap<>();
        roster.forEach(p -> emails.put(p.interpreterId(), p.email()));
        StringWriter out = new StringWriter();
        try {
            SpreadsheetCells.startExport(out);
            CSVPrinter printer = new CSVPrinter(out, FORMAT);
            printer.printRecord(CsvRosterFile.COLUMNS);
            for (InterpreterProfile p : roster) {
                String partners = String.join(" ", p.preferredPartners().stream().map(emails::get)
                        .filter(java.util.Objects::nonNull).sorted().toList());
                List<String> row = List.of(p.name(), p.email(), text(p.zoomEmail()), languages(p.languages()),
                        mode(p.mode()), availability(p.availability(), conferenceDays), partners,
                        text(p.registrationId()));
                printer.printRecord(row.stream().map(SpreadsheetCells::plain).toList());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /**
     * A token quoted back in a message: at most 40 characters, anything a reader would not see (control characters,
     * direction overrides) shown as U+FFFD.
     */
    static String shorten(String token) {
        StringBuilder shown = new StringBuilder();
        token.codePoints().limit(40).forEach(c -> {
            String character = new String(Character.toChars(c));
            shown.append(PlainTextRules.isPlain(character, false) ? character : "\uFFFD");
        });
        return token.codePointCount(0, token.length()) > 40 ? shown + "…" : shown.toString();
    }
}
