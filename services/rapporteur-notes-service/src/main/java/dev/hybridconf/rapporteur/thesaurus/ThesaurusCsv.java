package dev.hybridconf.rapporteur.thesaurus;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import dev.hybridconf.kit.web.SpreadsheetCells;
import dev.hybridconf.rapporteur.analysis.Concept;

/**
 * The thesaurus as a spreadsheet: columns {@code id,en,fr,es,ignore}, one concept a row, {@code |} between a
 * language's alternatives (the first is the preferred label), {@code ignore} = {@code true}/{@code false} (also
 * {@code yes}/{@code no}, {@code 1}/{@code 0}, {@code x}, empty = false).
 *
 * <p>Reading: UTF-8 (a leading byte order mark is skipped), RFC 4180 quoting, the separator of the header row (a
 * comma, or the semicolon spreadsheets use in French and Spanish locales), columns in any order ({@code id} and at
 * least one language required), blank lines and lines starting with {@code #} skipped. A cell the export guarded
 * with an apostrophe (see {@link SpreadsheetCells}) reads back as written. Writing: byte order mark, the header,
 * one row per concept by id, every cell guarded against formulas.
 */
final class ThesaurusCsv {

    static final List<String> COLUMNS = List.of("id", "en", "fr", "es", "ignore");

    private ThesaurusCsv() {
    }

    static String write(List<Concept> concepts) {
        StringBuilder out = new StringBuilder();
        out.append(SpreadsheetCells.BYTE_ORDER_MARK).append(String.join(",", COLUMNS)).append("\r\n");
        for (Concept concept : concepts) {
            List<String> cells = new ArrayList<>();
            cells.add(concept.id());
            for (String language : ThesaurusRules.LANGUAGES) {
                cells.add(String.join("|", concept.labels().getOrDefault(language, List.of())));
            }
            cells.add(Boolean.toString(concept.ignore()));
            for (int i = 0; i < cells.size(); i++) {
                out.append(i == 0 ? "" : ",").append(quoted(SpreadsheetCells.plain(cells.get(i))));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf(';') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0
                && cell.indexOf('\r') < 0 && !cell.startsWith("#")) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
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
    record Row(long line, List<String> cells) {
    }

    /** RFC 4180 records; the separator is the header's first comma or semicolon outside quotes. */
    static List<Row> rows(String text) {
        char separator = separator(text);
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        long line = 1;
        long start = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean atLineStart = true;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (atLineStart && c == '#') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end + 1;
                line++;
                start = line;
                continue;
            }
            atLineStart = false;
            if (c == '"' && cell.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                cell.setLength(0);
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                if (cells.stream().anyMatch(s -> !s.isBlank())) {
                    rows.add(new Row(start, List.copyOf(cells)));
                }
                cells.clear();
                cell.setLength(0);
                wasQuoted = false;
                line++;
                start = line;
                atLineStart = true;
            } else if (wasQuoted && !Character.isWhitespace(c)) {
                throw ThesaurusProblem.csvInvalid("thesaurus.csv.malformed", line);
            } else {
                cell.append(c);
            }
            i++;
        }
        if (quoted) {
            throw ThesaurusProblem.csvInvalid("thesaurus.csv.malformed", start);
        }
        cells.add(cell.toString());
        if (cells.stream().anyMatch(s -> !s.isBlank())) {
            rows.add(new Row(start, List.copyOf(cells)));
        }
        return rows;
    }

    private static char separator(String text) {
        for (String line : text.split("\r?\n")) {
            String header = line.strip();
            if (header.isEmpty() || header.startsWith("#")) {
                continue;
            }
            boolean quoted = false;
            for (int i = 0; i < header.length(); i++) {
                char c = header.charAt(i);
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
