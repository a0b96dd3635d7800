package dev.hybridconf.contracts;

import java.time.Clock;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns payload records into CloudEvents and back, and envelopes into JSON text and back. One
 * place decides the wire format, so producers, consumers and the schema test agree on it.
 */
public final class EventCodec {

    private final ObjectMapper mapper;
    private final Clock clock;

    public EventCodec(Clock clock) {
        this.clock = clock;
        this.mapper = JsonMapper.builder()
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public EventCodec() {
        this(Clock.systemUTC());
    }

    /** Wraps a payload in a new envelope with a fresh id and the current time. */
    public CloudEvent wrap(String source, EventPayload payload) {
        return wrap(source, payload, UUID.randomUUID());
    }

    /**
     * Wraps a payload in a new envelope with the given id (one derived from what caused the event, so that the
     * same cause always gives the same id) and the current time. Not numbered: the outbox step adds the
     * {@code aggregateversion}.
     */
    public CloudEvent wrap(String source, EventPayload payload, UUID id) {
        JsonNode data = mapper.valueToTree(payload);
        return new CloudEvent(CloudEvent.SPEC_VERSION, id, source, payload.eventType(), payload.aggregateId(),
                clock.instant(), CloudEvent.JSON, data);
    }

    public String toJson(CloudEvent event) {
        return mapper.writeValueAsString(event);
    }

    /**
     * Parses an envelope.
     *
     * @throws MalformedEventException when the text is not JSON or not a valid envelope
     */
    public CloudEvent fromJson(String json) {
        try {
            CloudEvent event = mapper.readValue(json, CloudEvent.class);
            if (event == null) {
                throw new MalformedEventException("empty event", null);
            }
            return event;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("not a CloudEvents 1.0 JSON envelope: " + e.getMessage(), e);
        }
    }

    /** Binds the envelope's data to the payload record of its type. */
    public <T extends EventPayload> T payload(CloudEvent event, Class<T> type) {
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException("data of " + event.type() + " does not match its contract", e);
        }
    }

    public JsonNode toTree(Object value) {
        return mapper.valueToTree(value);
    }
}
