package dev.hybridconf.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, as every service publishes it. {@code data}
 * stays a JSON tree until a consumer that knows the {@code type} binds it to its payload record, so
 * a consumer can route, deduplicate and dead-letter events whose payload it does not understand.
 *
 * <p>{@code aggregateversion} (a CloudEvents extension attribute) is the event's place in the sequence of
 * everything its producer published about its {@code subject} on its topic: 1, 2, 3... in the order the
 * state changes were committed, assigned by the same atomic Redis step that wrote the change and appended
 * the event to the outbox, so no two replicas can hand out the same number and a later commit always has a
 * higher one. Every event a service publishes carries it (the envelope schema requires it); it is absent
 * only from an envelope still being written (before the outbox step numbers it) and from events published
 * before it existed, which is why the record accepts {@code null}.
 */
public record CloudEvent(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        JsonNode data,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long aggregateversion) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** The name of the extension attribute; CloudEvents extension names are lower-case letters and digits. */
    public static final String AGGREGATE_VERSION = "aggregateversion";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        requireText(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("specversion must be 1.0, was " + specversion);
        }
        if (aggregateversion != null && aggregateversion < 1) {
            throw new IllegalArgumentException("aggregateversion must be 1 or more, was " + aggregateversion);
        }
    }

    /** An envelope not numbered yet: the outbox step gives it its {@code aggregateversion}. */
    public CloudEvent(String specversion, UUID id, String source, String type, String subject, Instant time,
            String datacontenttype, JsonNode data) {
        this(specversion, id, source, type, subject, time, datacontenttype, data, null);
    }

    /** The event's place among everything its producer published about its subject, when it carries one. */
    public OptionalLong aggregateVersion() {
        return aggregateversion == null ? OptionalLong.empty() : OptionalLong.of(aggregateversion);
    }

    /** The same envelope with its {@code aggregateversion}. */
    public CloudEvent withAggregateVersion(long version) {
        return new CloudEvent(specversion, id, source, type, subject, time, datacontenttype, data, version);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
