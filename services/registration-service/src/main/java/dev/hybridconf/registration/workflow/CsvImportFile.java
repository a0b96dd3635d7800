package dev.hybridconf.registration.workflow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.MediaType;

/**
 * An uploaded CSV file on disk, checked as a whole before any row is imported: it must be text in
 * its declared character set (UTF-8 by default; a leading byte order mark is skipped), parse as CSV
 * to the end, and start with a header naming known columns, every required one among them.
 *
 * <p>The delimiter is taken from the header line: a comma, or the semicolon (or tab) that
 * spreadsheets use in French and Spanish locales. Row numbers are those a spreadsheet shows (the
 * header is row 1, empty lines count), so an organiser finds a reported row where they expect it.
 * Rows whose cells are all blank are skipped.
 */
final class CsvImportFile {

    /**
     * One data row.
     *
     * @param number as a spreadsheet numbers it (the header is row 1)
     * @param cells  how many cells the row has
     * @param values cell by column name (only when the row has as many cells as the header)
     */
    record Row(long number, int cells, Map<String, String> values) {

        /** The trimmed cell of {@code column}, or null when blank or not in the file. */
        String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** Content types a CSV file arrives with (browsers on Windows often label it as Excel's). */
    private static final List<MediaType> CSV_TYPES = List.of(MediaType.parseMediaType("text/csv"),
            MediaType.parseMediaType("application/csv"), MediaType.parseMediaType("text/comma-separated-values"),
            MediaType.parseMediaType("application/vnd.ms-excel"), MediaType.TEXT_PLAIN);

    private final Path file;
    private final Charset charset;
    private final char delimiter;
    private final List<String> header;
    private final long headerRow;
    private final long rows;

    private CsvImportFile(Path file, Charset charset, char delimiter, List<String> header, long headerRow, long rows) {
        this.file = file;
        this.charset = charset;
        this.delimiter = delimiter;
        this.header = header;
        this.headerRow = headerRow;
        this.rows = rows;
    }

    /**
     * The character set of an upload declared as {@code contentType}.
     *
     * @throws ImportException (415) for anything but CSV or plain text, or an unknown charset
     */
    static Charset charset(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw ImportException.mediaType();
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (CSV_TYPES.stream().noneMatch(type::equalsTypeAndSubtype)) {
                throw ImportException.mediaType();
            }
            return type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException unknown) {
            throw ImportException.mediaType();
        }
    }

    /**
     * Reads the whole file once to check it.
     *
     * @throws ImportException (400) when the file is not text, not CSV, has no header, names unknown,
     *                         repeated or too few columns, or has no rows
     */
    static CsvImportFile check(Path file, Charset charset, ImportKind kind) throws IOException {
        char delimiter = delimiter(file, charset);
        long read = 0;
        try (CSVParser parser = parser(file, charset, delimiter)) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord headerRecord = null;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                read = record.getRecordNumber();
                if (!blank(record)) {
                    headerRecord = record;
                    break;
                }
            }
            if (headerRecord == null) {
                throw ImportException.unreadable("import.no-header", String.join(",", kind.required()));
            }
            List<String> header = header(headerRecord, kind);
            long rows = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                read = record.getRecordNumber();
                if (!blank(record)) {
                    rows++;
                }
            }
            if (rows == 0) {
                throw ImportException.unreadable("import.no-rows");
            }
            return new CsvImportFile(file, charset, delimiter, header, headerRecord.getRecordNumber(), rows);
        } catch (UncheckedIOException | IOException e) {
            throw unreadable(e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e, charset, read + 1);
        }
    }

    /** Data rows (not counting the header or blank rows). */
    long rows() {
        return rows;
    }

    /** Cells a row must have: as many as the header. */
    int width() {
        return header.size();
    }

    /**
     * Reads the rows again, in order, for the import itself.
     *
     * @throws IOException if the file changed or vanished since {@link #check}
     */
    void forEachRow(Consumer<Row> action) throws IOException {
        try (CSVParser parser = parser(file, charset, delimiter)) {
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() <= headerRow || blank(record)) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                if (record.size() == header.size()) {
                    for (int i = 0; i < header.size(); i++) {
                        if (header.get(i) != null) {
                            values.put(header.get(i), record.get(i));
                        }
                    }
                }
                action.accept(new Row(record.getRecordNumber(), record.size(), values));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Column names by position; null for a blank header cell (a column to ignore). */
    private static List<String> header(CSVRecord record, ImportKind kind) {
        List<String> columns = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String cell : record) {
            String name = cell.strip();
            if (name.isEmpty()) {
                columns.add(null);
                continue;
            }
            Optional<String> column = kind.column(name);
            if (column.isEmpty()) {
                unknown.add(name);
            } else if (columns.contains(column.get())) {
                repeated.add(name);
            }
            columns.add(column.orElse(null));
        }
        if (!unknown.isEmpty()) {
            throw ImportException.unreadable("import.unknown-columns", String.join(", ", unknown),
                    String.join(", ", kind.columns()));
        }
        if (!repeated.isEmpty()) {
            throw ImportException.unreadable("import.duplicate-columns", String.join(", ", repeated));
        }
        List<String> missing = kind.required().stream().filter(required -> !columns.contains(required)).toList();
        if (!missing.isEmpty()) {
            throw ImportException.unreadable("import.missing-columns", String.join(", ", missing));
        }
        return columns;
    }

    private static ImportException unreadable(Throwable cause, Charset charset, long row) {
        if (cause instanceof CharacterCodingException) {
            return ImportException.unreadable("import.not-text", charset.name());
        }
        return ImportException.unreadable("import.malformed", row);
    }

    private static boolean blank(CSVRecord record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The separator the header line uses most: comma, semicolon or tab (outside quotes); a comma if none. */
    private static char delimiter(Path file, Charset charset) throws IOException {
        String line;
        try (BufferedReader in = reader(file, charset)) {
            line = in.readLine();
        } catch (CharacterCodingException notText) {
            throw ImportException.unreadable("import.not-text", charset.name());
        }
        if (line == null) {
            return ',';
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

    private static CSVParser parser(Path file, Charset charset, char delimiter) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .get();
        return CSVParser.parse(reader(file, charset), format);
    }

    /** A strict reader: bytes that are not valid in {@code charset} fail instead of becoming '?'. */
    private static BufferedReader reader(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 64 * 1024);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }
}
