package dev.hybridconf.interpretation.plan;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.web.SpreadsheetCells;

/**
 * The coverage matrix as CSV for spreadsheets: a row per session, a column per language, each cell in words in the
 * reader's language; every text cell guarded against formulas ({@link SpreadsheetCells}) and the file starting with
 * the UTF-8 byte order mark.
 */
@Component
class CoverageCsv {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final PlanTexts texts;

    CoverageCsv(PlanTexts texts) {
        this.texts = texts;
    }

    String render(PlanViews.CoverageView coverage, Locale locale) {
        StringWriter out = new StringWriter();
        try {
            SpreadsheetCells.startExport(out);
            List<String> header = new ArrayList<>(List.of(texts.text("plan.csv.day", locale),
                    texts.text("plan.csv.start", locale), texts.text("plan.csv.end", locale),
                    texts.text("plan.csv.session", locale), texts.text("plan.csv.room", locale)));
            coverage.languages().forEach(l -> header.add(l.name()));
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
                csv.printRecord(header.stream().map(SpreadsheetCells::plain).toList());
                for (PlanViews.CoverageRow row : coverage.rows()) {
                    List<String> cells = new ArrayList<>();
                    cells.add(row.day() == null ? "" : row.day().toString());
                    cells.add(row.start() == null ? "" : TIME.format(row.start()));
                    cells.add(row.end() == null ? "" : TIME.format(row.end()));
                    cells.add(SpreadsheetCells.plain(row.title()));
                    cells.add(SpreadsheetCells.plain(row.room()));
                    for (PlanViews.LanguageColumn language : coverage.languages()) {
                        PlanViews.CoverageCell cell = row.cells().get(language.language());
                        cells.add(cell == null ? "" : SpreadsheetCells.plain(cell.text()));
                    }
                    csv.printRecord(cells);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
