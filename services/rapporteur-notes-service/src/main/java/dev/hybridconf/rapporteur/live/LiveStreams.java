package dev.hybridconf.rapporteur.live;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a day's live stream: the first events at once (the snapshot, or what the browser missed since its
 * {@code Last-Event-ID}), then every change as the feed reads it. The subscription is registered before anything
 * is read, and events at or before what the first events covered are skipped, so nothing falls between the
 * snapshot and the stream (a change may show twice, harmlessly: items are keyed by breakout and revision).
 */
@Component
class LiveStreams {

    /** How long a browser waits before reconnecting after the stream ended. */
    static final long RETRY_MILLIS = 2_000;

    /** Entries' rendered data kept for the other browsers on the same view. */
    private static final int RENDERED = 2_048;

    private static final Pattern EVENT_ID = Pattern.compile("\\d{1,19}-\\d{1,19}");

    private final LiveView view;
    private final LiveFeed feed;
    private final RedisStore store;
    private final JsonMapper json;
    private final Map<String, Optional<String>> rendered = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
                    return size() > RENDERED;
                }
            });

    LiveStreams(LiveView view, LiveFeed feed, RedisStore store, JsonMapper json) {
        this.view = view;
        this.feed = feed;
        this.store = store;
        this.json = json;
    }

    static String streamKey(KeySpace keys, String conferenceId) {
        return LiveEntry.streamKey(keys, conferenceId);
    }

    /** The id of a stream's last entry, {@code 0-0} when it is empty or does not exist. */
    static StreamEntryID lastId(UnifiedJedis redis, String stream) {
        List<StreamEntry> last = redis.xrevrange(stream, StreamEntryID.MAXIMUM_ID, StreamEntryID.MINIMUM_ID, 1);
        return last.isEmpty() ? new StreamEntryID(0, 0) : last.get(0).getID();
    }

    /** A {@code Last-Event-ID} as this stream writes them, or 400. */
    static StreamEntryID eventId(String lastEventId) {
        if (lastEventId == null) {
            return null;
        }
        if (EVENT_ID.matcher(lastEventId).matches()) {
            try {
                return new StreamEntryID(lastEventId);
            } catch (RuntimeException beyondLong) {
                // refused below
            }
        }
        throw new InvalidFieldsException(List.of(
                new InvalidFieldsException.Invalid("Last-Event-ID", "live.field.last-event-id")));
    }

    /** Whether the request asked for an event stream by name ({@code Accept: text/event-stream}). */
    static boolean asksForStream(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> MediaType.TEXT_EVENT_STREAM.equalsTypeAndSubtype(type));
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** Opens the stream; the caller has checked the day, the theme and the reader's language. */
    SseEmitter open(LiveView.Day day, String theme, Locale reader, StreamEntryID lastEventId) {
        feed.admit();
        String stream = streamKey(store.keys(), day.conferenceId());
        SseEmitter emitter = new SseEmitter(feed.settings().timeout.toMillis());
        LiveSubscription subscription;
        try {
            subscription = new LiveSubscription(stream, day.date(), emitter, feed,
                    (id, entry) -> render(day, theme, reader, id, entry));
        } catch (RuntimeException e) {
            feed.release();
            throw e;
        }
        emitter.onCompletion(() -> feed.unregister(subscription));
        emitter.onTimeout(() -> {
            // On the container's thread, before Spring answers the timeout itself: end the stream cleanly.
            feed.unregister(subscription);
            if (subscription.timedOut()) {
                emitter.complete();
            }
        });
        emitter.onError(error -> feed.unregister(subscription));
        try {
            feed.register(subscription);
            StreamEntryID covered = first(emitter, stream, day, theme, reader, lastEventId);
            subscription.start(covered);
        } catch (IOException | RuntimeException e) {
            feed.unregister(subscription);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        return emitter;
    }

    /** Sends the first events; answers the last stream entry they cover. */
    private StreamEntryID first(SseEmitter emitter, String stream, LiveView.Day day, String theme, Locale reader,
            StreamEntryID lastEventId) throws IOException {
        UnifiedJedis redis = store.redis();
        if (lastEventId != null) {
            Optional<List<StreamEntry>> missed = missed(redis, stream, lastEventId);
            if (missed.isPresent()) {
                emitter.send(SseEmitter.event().reconnectTime(RETRY_MILLIS).comment("resumed"));
                StreamEntryID covered = lastEventId;
                for (StreamEntry entry : missed.get()) {
                    LiveEntry live = readable(entry);
                    if (live != null && live.day().equals(day.date())) {
                        Optional<SseEventBuilder> event = render(day, theme, reader, entry.getID(), live);
                        if (event.isPresent()) {
                            emitter.send(event.get());
                        }
                    }
                    covered = entry.getID();
                }
                return covered;
            }
        }
        StreamEntryID cursor = lastId(redis, stream);
        LiveSnapshot snapshot = view.snapshot(day, theme, reader, cursor.toString());
        emitter.send(SseEmitter.event().name("snapshot").id(cursor.toString()).reconnectTime(RETRY_MILLIS)
                .data(json.writeValueAsString(snapshot), MediaType.APPLICATION_JSON));
        return cursor;
    }

    /** The entry, or null when it cannot be read (skipped, as the feed skips it). */
    private static LiveEntry readable(StreamEntry entry) {
        try {
            return LiveEntry.from(entry.getFields());
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * The entries after {@code lastEventId}, or empty when they cannot all be had: the stream was trimmed past it,
     * deleted (a view rebuild), or too much happened since for a replay to beat a snapshot.
     */
    private Optional<List<StreamEntry>> missed(UnifiedJedis redis, String stream, StreamEntryID lastEventId) {
        List<StreamEntry> first = redis.xrange(stream, StreamEntryID.MINIMUM_ID, StreamEntryID.MAXIMUM_ID, 1);
        if (first.isEmpty()) {
            return lastEventId.equals(new StreamEntryID(0, 0)) ? Optional.of(List.of()) : Optional.empty();
        }
        if (lastEventId.compareTo(first.get(0).getID()) < 0) {
            return Optional.empty();
        }
        int limit = feed.settings().queueLimit;
        List<StreamEntry> after = redis.xrange(stream, "(" + lastEventId, "+", limit + 1);
        return after.size() > limit ? Optional.empty() : Optional.of(after);
    }

    private Optional<SseEventBuilder> render(LiveView.Day day, String theme, Locale reader, StreamEntryID id,
            LiveEntry entry) {
        // Every browser on the same view gets the same data for an entry: read the copies once for all of them.
        String key = id + "|" + day.conferenceId() + "|" + day.date() + "|" + theme + "|" + reader.getLanguage();
        Optional<String> data = rendered.get(key);
        if (data == null) {
            data = Optional.ofNullable(data(day, theme, reader, entry)).map(json::writeValueAsString);
            rendered.put(key, data);
        }
        return data.map(text -> SseEmitter.event().name(entry.type()).id(id.toString())
                .data(text, MediaType.APPLICATION_JSON));
    }

    private Object data(LiveView.Day day, String theme, Locale reader, LiveEntry entry) {
        return switch (entry.type()) {
            case "conclusion" -> entry.sessionId() == null ? null
                    : view.conclusion(day, entry.sessionId(), theme, reader).orElse(null);
            case "lock" -> entry.sessionId() == null ? null : view.lock(day, entry.sessionId());
            case "session" -> view.session(day, entry.sessionId(), reader);
            case "trends" -> new LiveSnapshot.TrendsChange(entry.day(), entry.revision());
            default -> null;
        };
    }
}
