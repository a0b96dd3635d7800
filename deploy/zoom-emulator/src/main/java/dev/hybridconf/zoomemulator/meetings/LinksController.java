package dev.hybridconf.zoomemulator.meetings;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Where the join, host and registration links the emulator hands out lead: a short page saying what Zoom would do
 * there, so that clicking Join in the local stack lands somewhere instead of on a connection error.
 */
@RestController
class LinksController {

    private final MeetingBook book;

    LinksController(MeetingBook book) {
        this.book = book;
    }

    @GetMapping(path = { "/j/{id}", "/w/{id}" }, produces = MediaType.TEXT_HTML_VALUE)
    String join(@PathVariable String id) {
        return page("Joining " + id, "Here Zoom would open meeting " + id + " in the Zoom client. The Zoom emulator"
                + " only records who joins when asked through its admin API (POST /emulator/meetings/" + id
                + "/participants with this link as joinUrl)." + channels(id));
    }

    /** The interpretation channels a participant could pick in this meeting (no interpreter's e-mail). */
    private String channels(String id) {
        Snapshots.Interpretation interpretation;
        try {
            interpretation = book.snapshot(Long.parseLong(id)).interpretation();
        } catch (RuntimeException unknown) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        if (interpretation.enabled()) {
            text.append(" Language interpretation: ").append(String.join(", ", interpretation.interpreters().stream()
                    .map(Snapshots.Interpreter::languages).distinct().toList())).append('.');
        }
        if (interpretation.signLanguageEnabled()) {
            text.append(" Sign language interpretation: ").append(String.join(", ", interpretation.signInterpreters()
                    .stream().map(Snapshots.SignInterpreter::signLanguage).distinct().toList())).append('.');
        }
        return text.toString();
    }

    @GetMapping(path = "/s/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String start(@PathVariable String id) {
        return page("Starting " + id, "Here Zoom would start meeting " + id + " as its host. Start it in the"
                + " emulator with POST /emulator/meetings/" + id + "/start.");
    }

    @GetMapping(path = { "/meeting/register/{token}", "/webinar/register/{token}" },
            produces = MediaType.TEXT_HTML_VALUE)
    String register(@PathVariable String token) {
        return page("Registration", "Here Zoom would show its registration form. The platform registers"
                + " participants through the API instead.");
    }

    private static String page(String title, String text) {
        return "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Zoom emulator: "
                + HtmlUtils.htmlEscape(title) + "</title><h1>Zoom emulator</h1><p>" + HtmlUtils.htmlEscape(text)
                + "</p></html>";
    }
}
