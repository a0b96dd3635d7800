package dev.hybridconf.streaming.board;

import static dev.hybridconf.kit.web.SpreadsheetCells.plain;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.hybridconf.kit.web.SpreadsheetCells;
import dev.hybridconf.streaming.interpretation.InterpretationReadiness;

/**
 * The streaming staff's board of a conference day and its run sheet (CSV). For streaming staff and
 * organisers; read from Redis only, so it stays fast while Zoom is slow.
 */
@RestController
@PreAuthorize("hasAnyRole('streaming-staff', 'organiser')")
class BoardController {

    static final List<String> RUN_SHEET_COLUMNS = List.of("day", "start", "end", "end_day", "time_zone", "session_id",
            "title", "kind", "status", "failure", "meeting_id", "zoom_kind", "host", "registrants", "present",
            "interpretation", "interpretation_readiness", "live_stream_page", "live_stream_state", "repair");

    private final Board board;

    BoardController(Board board) {
        this.board = board;
    }

    record DayBoard(LocalDate day, int sessions, List<BoardRow> rows) {
    }

    @GetMapping("/api/streaming/board")
    DayBoard board(@RequestParam String day) {
        LocalDate date = Board.parseDay(day);
        List<BoardRow> rows = board.day(date, LocaleContextHolder.getLocale());
        return new DayBoard(date, rows.size(), rows);
    }

    /**
     * The run sheet of the day as CSV (UTF-8 with a byte order mark, one line per session, formulas neutralised).
     * {@code end_day} is the date of {@code end}: the next day's for a session running past midnight.
     */
    @GetMapping(value = "/api/streaming/board.csv", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> runSheet(@RequestParam String day) {
        LocalDate date = Board.parseDay(day);
        Locale locale = LocaleContextHolder.getLocale();
        List<BoardRow> rows = board.day(date, locale);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            SpreadsheetCells.startExport(writer);
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader(RUN_SHEET_COLUMNS.toArray(String[]::new)).get())) {
                for (BoardRow row : rows) {
                    csv.printRecord(date, row.localStart(), row.localEnd(), row.localEndDay(), row.timeZone(),
                            row.sessionId(), plain(row.title()), row.kind(), row.status(),
                            row.failure() == null ? "" : plain(row.failure().reason() + ": " + row.failure().detail()),
                            orEmpty(row.meetingId()), orEmpty(row.zoomKind()), plain(orEmpty(row.hostUserId())),
                            row.registrants(), row.present(), channels(row.interpretation()),
                            plain(row.interpretation().state() + ": " + row.interpretation().message()),
                            plain(orEmpty(row.liveStream().pageUrl())), row.liveStream().state(),
                            row.repair() == null ? "" : plain(row.repair().message()));
                }
            }
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"run-sheet-" + date + ".csv\"")
                .body(body);
    }

    /** The channels, {@code en fr es ar(room)}: a channel only in the room's booths is marked. */
    private static String channels(InterpretationReadiness interpretation) {
        StringBuilder text = new StringBuilder();
        for (InterpretationReadiness.Channel channel : interpretation.channels()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(channel.language()).append(channel.onZoom() ? "" : "(room)");
        }
        return text.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
