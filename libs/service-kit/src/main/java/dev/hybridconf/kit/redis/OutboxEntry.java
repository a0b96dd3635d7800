package dev.hybridconf.kit.redis;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Field names of an outbox stream entry, shared by the writer and the relay. */
public final class OutboxEntry {

    public static final String TOPIC = "topic";
    public static final String KEY = "key";
    public static final String EVENT_ID = "id";
    public static final String TYPE = "type";
    public static final String EVENT = "event";
    /** The event's {@code aggregateversion}, also inside {@link #EVENT}. */
    public static final String VERSION = "version";
    /** W3C trace context of the span that emitted the event (absent when there was none). */
    public static final String TRACEPARENT = "traceparent";

    /**
     * A raw record's value, Base64 (instead of {@link #EVENT}): a record that already exists as bytes, e.g. a
     * dead letter's replay, published as it is, with no new {@link #VERSION}.
     */
    public static final String VALUE = "value";
    /** A raw record's headers: {@code base64(name):base64(value)} pairs joined by commas, in order. */
    public static final String HEADERS = "headers";
    /** Present ({@code "1"}) when a raw record has no key; {@link #KEY} is then empty. */
    public static final String NO_KEY = "nokey";

    private OutboxEntry() {
    }

    /** The {@link #HEADERS} field of these headers (names as UTF-8). */
    public static String encodeHeaders(List<Map.Entry<String, byte[]>> headers) {
        var encoder = Base64.getEncoder();
        List<String> pairs = new ArrayList<>(headers.size());
        for (Map.Entry<String, byte[]> header : headers) {
            byte[] value = header.getValue() == null ? new byte[0] : header.getValue();
            pairs.add(encoder.encodeToString(header.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ':'
                    + encoder.encodeToString(value));
        }
        return String.join(",", pairs);
    }

    /** The headers of a {@link #HEADERS} field (empty for null or blank). */
    public static List<Map.Entry<String, byte[]>> decodeHeaders(String field) {
        List<Map.Entry<String, byte[]>> headers = new ArrayList<>();
        if (field == null || field.isEmpty()) {
            return headers;
        }
        var decoder = Base64.getDecoder();
        for (String pair : field.split(",")) {
            int colon = pair.indexOf(':');
            String name = new String(decoder.decode(pair.substring(0, colon)), java.nio.charset.StandardCharsets.UTF_8);
            headers.add(Map.entry(name, decoder.decode(pair.substring(colon + 1))));
        }
        return headers;
    }
}
