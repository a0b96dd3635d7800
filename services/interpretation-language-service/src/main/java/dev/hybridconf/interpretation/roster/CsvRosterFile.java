package dev.hybridconf.interpretation.roster;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.MediaType;

/**
 * A roster file as uploaded, read as a whole before any row is considered: text in its declared character set
 * (UTF-8 by default; a leading byte order mark is skipped), CSV to the end, a header naming known columns (every
 * required one among them), at least one row and at most {@link #MAX_ROWS}.
 *
 * <p>Lines starting with {@code #} are comments (a file may explain itself); blank lines are skipped. The
 * separator is the header's: a comma, or the semicolon (or tab) spreadsheets use in French and Spanish locales.
 * Rows are numbered by the line they start on, as a text editor shows it (comments and blank lines count), so
 * that an organiser finds a reported row where they expect it.
 */
final class CsvRosterFile {

    static final int MAX_ROWS = 1000;
    static final int MAX_CELL = 1000;

    /** The columns, in the order an export writes them. */
    static final List<String> COLUMNS = List.of("name", "email", "zoom_email", "languages", "mode", "availability",
            "partners", "registration_id");
    static final Set<String> REQUIRED = Set.of("name", "email", "languages", "mode", "availability");

    private static final List<MediaType> CSV_TYPES = List.of(MediaType.parseMediaType("text/csv"),
            MediaType.parseMediaType("application/csv"), MediaType.parseMediaType("text/comma-separated-values"),
            MediaType.parseMediaType("application/vnd.ms-excel"), MediaType.TEXT_PLAIN);

    /**
     * One data row.
     *
     * @param line  the line it starts on (1 is the file's first line)
     * @param cells its cells, by column name, for the header's columns only
     * @param extra whether it has more non-blank cells than the header has columns
     */
    record Row(long line, java.util.Map<String, String> cells, boolean extra) {

        /** The stripped cell of {@code column}; "" when blank; null when the file has no such column. */
        String get(String column) {
            String value = cells.get(column);
            return value == null ? null : value.strip();
        }

        boolean has(String column) {
            return cells.containsKey(column);
        }
    }

    private final Set<String> columns;
    private final List<Row> rows;

    private CsvRosterFile(Set<String> columns, List<Row> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    Set<String> columns() {
        return columns;
    }

    List<Row> rows() {
        return rows;
    }

    /**
     * The character set an upload declared as {@code contentType} is in.
     *
     * @throws RosterProblem 415 for anything but CSV or plain text, or a character set the platform does not know
     */
    static Charset charset(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw RosterProblem.mediaType();
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (CSV_TYPES.stream().noneMatch(type::equalsTypeAndSubtype)) {
                throw RosterProblem.mediaType();
            }
            return type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException unknown) {
            throw RosterProblem.mediaType();
        }
    }

    /**
     * Reads a whole upload.
     *
     * @throws RosterProblem 400 {@code csv-invalid} when it is not text, not CSV, has no header, names unknown or
     *                       repeated columns or lacks a required one, has no row or too many
     */
    static CsvRosterFile read(byte[] body, Charset charset) {
        String text = decode(body, charset);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter(text))
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long before = parser.getCurrentLineNumber();
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException malformed) {
                    throw RosterProblem.csvInvalid("roster.import.malformed", Math.max(before, parser.getCurrentLineNumber()));
                }
                if (blank(record)) {
                    continue;
                }
                long line = startLine(record, parser.getCurrentLineNumber());
                if (header == null) {
                    header = header(record);
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw RosterProblem.csvInvalid("roster.import.too-many-rows", MAX_ROWS);
                }
                rows.add(row(record, header, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (header == null) {
            throw RosterProblem.csvInvalid("roster.import.no-header", String.join(",", COLUMNS));
        }
        if (rows.isEmpty()) {
            throw RosterProblem.csvInvalid("roster.import.no-rows");
        }
        Set<String> columns = new LinkedHashSet<>(header);
        columns.remove(null);
        return new CsvRosterFile(columns, rows);
    }

    private static String decode(byte[] body, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notText) {
            throw RosterProblem.csvInvalid("roster.import.not-text", charset.name());
        }
    }

    /** Column names by position (lower case, {@code -} and spaces read as {@code _}); null for a blank header cell. */
    private static List<String> header(CSVRecord record) {
        List<String> columns = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String cell : record) {
            String name = cell.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
            if (name.isEmpty()) {
                columns.add(null);
                continue;
            }
            if (!COLUMNS.contains(name)) {
                unknown.add(RosterCsv.shorten(cell.strip()));
            } else if (columns.contains(name)) {
                repeated.add(name);
            }
            columns.add(COLUMNS.contains(name) ? name : null);
        }
        if (!unknown.isEmpty()) {
            throw RosterProblem.csvInvalid("roster.import.unknown-columns", String.join(", ", unknown),
                    String.join(",", COLUMNS));
        }
        if (!repeated.isEmpty()) {
            throw RosterProblem.csvInvalid("roster.import.duplicate-columns", String.join(", ", repeated));
        }
        List<String> missing = COLUMNS.stream().filter(REQUIRED::contains).filter(c -> !columns.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw RosterProblem.csvInvalid("roster.import.missing-columns", String.join(", ", missing));
        }
        return columns;
    }

    private static Row row(CSVRecord record, List<String> header, long line) {
        java.util.Map<String, String> cells = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i) != null) {
                cells.put(header.get(i), i < record.size() ? unguard(record.get(i)) : "");
            }
        }
        boolean extra = false;
        for (int i = header.size(); i < record.size(); i++) {
            extra |= !record.get(i).isBlank();
        }
        return new Row(line, cells, extra);
    }

    /**
     * A cell an export guarded against spreadsheet formulas ({@code '=...}) is read back as it was, so that an
     * exported file imports unchanged.
     */
    static String unguard(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    /** The line a record starts on: the line it ends on, less the line breaks inside its (quoted) cells. */
    private static long startLine(CSVRecord record, long endLine) {
        long breaks = 0;
        for (String cell : record) {
            for (int i = 0; i < cell.length(); i++) {
                char c = cell.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return Math.max(1, endLine - breaks);
    }

    private static boolean blank(CSVRecord record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The separator the header line uses most, outside quotes: comma, semicolon or tab; a comma if none. */
    private static char delimiter(String text) {
        String line = "";
        for (String candidate : text.split("\\r\\n|\\r|\\n", -1)) {
            String stripped = candidate.strip();
            if (!stripped.isEmpty() && !candidate.startsWith("#")) {
                line = candidate;
                break;
            }
        }
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            switch (c) {
                case '"' -> quoted = !quoted;
                case ',' -> commas += quoted ? 0 : 1;
                case ';' -> semicolons += quoted ? 0 : 1;
                case '\t' -> tabs += quoted ? 0 : 1;
                default -> { }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }
}
