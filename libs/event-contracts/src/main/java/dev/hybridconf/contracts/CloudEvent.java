package dev.hybridconf.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, as every service publishes it. {@code data}
 * stays a JSON tree until a consumer that knows the {@code type} binds it to its payload record, so
 * a consumer can route, deduplicate and dead-letter events whose payload it does not understand.
 */
public record CloudEvent(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

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
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
