package dev.hybridconf.kit.redis;

/**
 * Builds the keys of one service: {@code [namespace:]keyspace:part:part}. No service reads another
 * service's keys; they share only events.
 */
public final class KeySpace {

    private final String prefix;

    public KeySpace(String namespace, String keyspace) {
        this.prefix = (namespace == null || namespace.isEmpty() ? "" : namespace + ":") + keyspace + ":";
    }

    public String key(String... parts) {
        return prefix + String.join(":", parts);
    }

    /** The stream the service's outbox relay drains. */
    public String outbox() {
        return key("outbox");
    }

    /** Marker recording that a consumed event was applied. */
    public String processed(String eventId) {
        return key("processed", eventId);
    }

    public String prefix() {
        return prefix;
    }
}
