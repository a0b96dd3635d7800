package dev.hybridconf.kit.redis;

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

    private OutboxEntry() {
    }
}
