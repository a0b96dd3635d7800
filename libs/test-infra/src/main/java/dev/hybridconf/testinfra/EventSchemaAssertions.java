package dev.hybridconf.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.hybridconf.contracts.EventTypes;

/**
 * Checks an event exactly as it travelled on Kafka against the contracts: the envelope against the
 * CloudEvents schema, the data against its type's schema. A type without a schema fails.
 */
public final class EventSchemaAssertions {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final ConcurrentMap<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemaAssertions() {
    }

    public static void assertValidEvent(String json) {
        JsonNode event = assertValidEnvelope(json);
        String type = event.path("type").asText();
        check(schema(EventTypes.schemaResource(type)), event.path("data"), "data of " + type);
    }

    /** The envelope alone (its {@code aggregateversion} included), for events whose type is no platform contract. */
    public static JsonNode assertValidEnvelope(String json) {
        JsonNode event;
        try {
            event = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("event is not JSON: " + json, e);
        }
        check(schema("/schemas/cloudevent.json"), event, "envelope");
        return event;
    }

    private static void check(JsonSchema schema, JsonNode node, String what) {
        Set<ValidationMessage> errors = schema.validate(node, context -> context.getExecutionConfig().setFormatAssertionsEnabled(true));
        if (!errors.isEmpty()) {
            throw new AssertionError(what + " does not match its schema: " + errors + "\n" + node);
        }
    }

    private static JsonSchema schema(String resource) {
        return SCHEMAS.computeIfAbsent(resource, r -> {
            try (InputStream in = EventTypes.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new AssertionError("no schema on the classpath at " + r);
                }
                return FACTORY.getSchema(MAPPER.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
