package dev.hybridconf.registration.workflow;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.hybridconf.kit.web.SpreadsheetCells;

/**
 * The CSV export of registrations: one header row, then one row per registration, written as it is
 * read so the file never sits in memory.
 *
 * <p>A cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * would be taken for a formula by spreadsheet programs (CSV injection): such a cell is prefixed with an
 * apostrophe, which spreadsheets show as text and do not evaluate.
 */
final class RegistrationCsv {

    static final List<String> COLUMNS = List.of("id", "conferenceId", "status", "fullName", "email", "organisation", "position",
            "city", "country", "attendanceMode", "preferredLanguage", "interpretationNeeded",
            "interpretationLanguage", "accessibilityNeeds", "timeZone", "sponsorship", "sponsorshipJustification",
            "roles", "submittedAt");

    /** Separates several roles inside one cell (the import accepts it too). */
    static final String ROLE_SEPARATOR = ";";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

    private final CSVPrinter printer;

    private RegistrationCsv(Writer out) throws IOException {
        SpreadsheetCells.startExport(out);
        this.printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(COLUMNS);
    }

    /** Starts an export on {@code out} by writing the header row. */
    static RegistrationCsv open(Writer out) throws IOException {
        return new RegistrationCsv(out);
    }

    void write(Registration registration) throws IOException {
        printer.printRecord(row(registration).stream().map(SpreadsheetCells::plain).toList());
    }

    void flush() throws IOException {
        printer.flush();
    }

    static List<String> row(Registration r) {
        return List.of(r.id(), text(r.conferenceId()), r.status().name(), text(r.fullName()), text(r.email()),
                text(r.organisation()), text(r.position()), text(r.city()), text(r.country()), r.attendanceMode().name(),
                text(r.preferredLanguage()), Boolean.toString(r.interpretationLanguage() != null),
                text(r.interpretationLanguage()), text(r.accessibilityNeeds()), text(r.timeZone()),
                r.sponsorship().name(), text(r.sponsorshipJustification()), String.join(ROLE_SEPARATOR, r.roles()),
                r.submittedAt().toString());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
