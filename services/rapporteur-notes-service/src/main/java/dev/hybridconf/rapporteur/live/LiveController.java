package dev.hybridconf.rapporteur.live;

import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.hybridconf.kit.redis.RedisStore;
import jakarta.servlet.http.HttpServletRequest;
import redis.clients.jedis.StreamEntryID;

/**
 * The rapporteur's live view of a conference day (rapporteurs and organisers; others 403 by role path): the
 * snapshot as JSON, and the same view as an event stream that pushes every change.
 */
@RestController
@RequestMapping("/api/rapporteur/conferences/{conferenceId}/days/{day}/live")
class LiveController {

    private final LiveView view;
    private final LiveStreams streams;
    private final RedisStore store;

    LiveController(LiveView view, LiveStreams streams, RedisStore store) {
        this.view = view;
        this.streams = streams;
        this.store = store;
    }

    /** The day's conclusions grouped by theme, the breakouts still to report, and the stream cursor. */
    @GetMapping
    LiveSnapshot snapshot(@PathVariable String conferenceId, @PathVariable String day,
            @RequestParam(required = false) String theme, @RequestParam(required = false) String lang) {
        LiveView.Day known = view.day(conferenceId, day);
        String themeKey = LiveView.themeFilter(theme);
        Locale reader = LiveTexts.reader(lang);
        StreamEntryID cursor = LiveStreams.lastId(store.redis(), LiveStreams.streamKey(store.keys(), conferenceId));
        return view.snapshot(known, themeKey, reader, cursor.toString());
    }

    /**
     * The view as {@code text/event-stream}: {@code snapshot} at once (or, with {@code Last-Event-ID}, the events
     * missed since), then {@code conclusion}, {@code lock}, {@code session} and {@code trends} events, a
     * {@code : ping} comment when idle. Every refusal (unknown day, bad input, no {@code Accept:
     * text/event-stream}, too many streams) is problem details, before any stream opens.
     */
    @GetMapping("/stream")
    ResponseEntity<SseEmitter> stream(@PathVariable String conferenceId, @PathVariable String day,
            @RequestParam(required = false) String theme, @RequestParam(required = false) String lang,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletRequest request) {
        LiveView.Day known = view.day(conferenceId, day);
        String themeKey = LiveView.themeFilter(theme);
        Locale reader = LiveTexts.reader(lang);
        StreamEntryID resumeAfter = LiveStreams.eventId(lastEventId);
        if (!LiveStreams.asksForStream(accept)) {
            throw new StreamNotAcceptableException();
        }
        if (HttpMethod.HEAD.matches(request.getMethod())) {
            // what a GET would answer, without holding a stream open for a request that reads no body
            return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).cacheControl(CacheControl.noCache())
                    .header("X-Accel-Buffering", "no").build();
        }
        SseEmitter emitter = streams.open(known, themeKey, reader, resumeAfter);
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .cacheControl(CacheControl.noCache())
                // nginx (the ingress) would otherwise buffer the stream
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }
}
