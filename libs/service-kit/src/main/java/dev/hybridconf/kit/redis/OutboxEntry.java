package dev.hybridconf.kit.redis;

/** Field names of an outbox stream entry, shared by the writer and the relay. */
public final class OutboxEntry {

    public static final String TOPIC = "topic";
    public static final String KEY = "key";
    public static final String EVENT_ID = "id";
    public static final String TYPE = "type";
    public static final String EVENT = "event";

    private OutboxEntry() {
    }
}
