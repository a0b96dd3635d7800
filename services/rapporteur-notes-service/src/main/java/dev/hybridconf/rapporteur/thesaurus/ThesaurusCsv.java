package dev.hybridconf.rapporteur.thesaurus;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import dev.hybridconf.kit.web.SpreadsheetCells;
import dev.hybridconf.rapporteur.analysis.Concept;

/**
 * The thesaurus as a spreadsheet: columns {@code id,en,fr,es,ignore}, one concept a row, {@code |} between a
 * language's alternatives (the first is the preferred label), {@code ignore} = {@code true}/{@code false} (also
 * {@code yes}/{@code no}, {@code 1}/{@code 0}, {@code x}, empty = false).
 *
 * <p>Reading: UTF-8 (a leading byte order mark is skipped), RFC 4180 records read by Commons CSV (quoted cells may
 * hold separators, doubled quotes and line breaks; lines may end in CRLF, LF or CR), the separator of the header row
 * (a comma, or the semicolon spreadsheets use in French and Spanish locales), columns in any order ({@code id} and
 * at least one language required), blank lines and lines starting with {@code #} skipped. Rows are named in errors
 * by the line they start on, as an editor numbers it (comments and blank lines count). A cell the export guarded
 * with an apostrophe (see {@link SpreadsheetCells}) reads back as written. Writing: byte order mark, the header,
 * one row per concept by id, every cell guarded against formulas.
 */
final class ThesaurusCsv {

    static final List<String> COLUMNS = List.of("id", "en", "fr", "es", "ignore");

    private static final CSVFormat EXPORT = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

    private ThesaurusCsv() {
    }

    static String write(List<Concept> concepts) {
        StringWriter out = new StringWriter();
        try {
            SpreadsheetCells.startExport(out);
            CSVPrinter printer = new CSVPrinter(out, EXPORT);
            printer.printRecord(COLUMNS);
            for (Concept concept : concepts) {
                List<String> cells = new ArrayList<>();
                cells.add(concept.id());
                for (String language : ThesaurusRules.LANGUAGES) {
                    cells.add(String.join("|", concept.labels().getOrDefault(language, List.of())));
                }
                cells.add(Boolean.toString(concept.ignore()));
                printer.printRecord(cells.stream().map(SpreadsheetCells::plain).toList());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static List<Concept> read(byte[] body, LabelAnalysis analysis) {
        String text = decode(body);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = rows(text);
        if (rows.isEmpty()) {
            throw ThesaurusProblem.csvInvalid("thesaurus.csv.no-header");
        }
        List<String> header = rows.get(0).cells().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                throw ThesaurusProblem.csvInvalid("thesaurus.csv.unknown-column", shorten(column));
            }
            if (header.indexOf(column) != header.lastIndexOf(column)) {
                throw ThesaurusProblem.csvInvalid("thesaurus.csv.repeated-column", column);
            }
        }
        if (!header.contains("id") || header.stream().noneMatch(ThesaurusRules.LANGUAGES::contains)) {
            throw ThesaurusProblem.csvInvalid("thesaurus.csv.no-header");
        }
        List<ThesaurusRules.Draft> drafts = new ArrayList<>();
        List<Invalid> invalid = new ArrayList<>();
        for (Row row : rows.subList(1, rows.size())) {
            if (drafts.size() == ThesaurusRules.MAX_CONCEPTS) {
                invalid.add(new Invalid("concepts", "thesaurus.field.too-many-concepts", ThesaurusRules.MAX_CONCEPTS));
                break;
            }
            String path = "line " + row.line();
            if (row.cells().size() > header.size()
                    && row.cells().subList(header.size(), row.cells().size()).stream().anyMatch(c -> !c.isBlank())) {
                invalid.add(new Invalid(path, "thesaurus.csv.extra-cells", header.size()));
            }
            String id = null;
            boolean ignore = false;
            Map<String, List<String>> labels = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String cell = i < row.cells().size() ? unguarded(row.cells().get(i).strip()) : "";
                String column = header.get(i);
                switch (column) {
                    case "id" -> id = cell;
                    case "ignore" -> {
                        Boolean flag = flag(cell);
                        if (flag == null) {
                            invalid.add(new Invalid(path + ".ignore", "thesaurus.field.ignore"));
                        } else {
                            ignore = flag;
                        }
                    }
                    default -> {
                        List<String> alternatives = Arrays.stream(cell.split("\\|")).map(String::strip)
                                .filter(label -> !label.isEmpty()).toList();
                        if (!alternatives.isEmpty()) {
                            labels.put(column, alternatives);
                        }
                    }
                }
            }
            drafts.add(new ThesaurusRules.Draft(path, id, labels, ignore));
        }
        return ThesaurusRules.check(drafts, invalid, analysis);
    }

    private static String unguarded(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'') {
            char next = cell.charAt(1);
            if (next == '=' || next == '+' || next == '-' || next == '@' || next == '\t' || next == '\r') {
                return cell.substring(1);
            }
        }
        return cell;
    }

    private static Boolean flag(String cell) {
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "", "false", "no", "0", "non" -> false;
            case "true", "yes", "1", "x", "oui", "si", "sí" -> true;
            default -> null;
        };
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ThesaurusProblem.csvInvalid("thesaurus.csv.not-utf8");
        }
    }

    /** One record and the line it starts on (1 = the file's first line). */
    private record Row(long line, List<String> cells) {
    }

    /** The records that hold a non-blank cell; the separator is the header's (comma or semicolon). */
    private static List<Row> rows(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(separator(text))
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long before = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException malformed) {
                    // A quote left open runs to the end of the file: name the line the record starts on instead.
                    long at = parser.getCurrentLineNumber();
                    throw ThesaurusProblem.csvInvalid("thesaurus.csv.malformed",
                            at >= lines.length - 1 ? recordStart(lines, before) : at);
                }
                List<String> cells = record.toList();
                if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                    rows.add(new Row(startLine(cells, parser.getCurrentLineNumber()), cells));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The first line from {@code line} on (1-based) that is neither blank nor a comment. */
    private static long recordStart(String[] lines, long line) {
        long start = line;
        while (start < lines.length && (lines[(int) start - 1].isBlank() || lines[(int) start - 1].startsWith("#"))) {
            start++;
        }
        return start;
    }

    /** The line a record starts on: the line it ends on, less the line breaks inside its quoted cells. */
    private static long startLine(List<String> cells, long endLine) {
        long breaks = 0;
        for (String cell : cells) {
            for (int i = 0; i < cell.length(); i++) {
                char c = cell.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return Math.max(1, endLine - breaks);
    }

    /** The first comma or semicolon outside quotes on the first line that is neither blank nor a comment. */
    private static char separator(String text) {
        for (String line : text.split("\\r\\n|\\r|\\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == ',' || c == ';')) {
                    return c;
                }
            }
            return ',';
        }
        return ',';
    }
}
