package dev.hybridconf.kit.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Serializer;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;

/** Writes an envelope as CloudEvents JSON; used when a consumed event is forwarded to a dead-letter topic. */
public class CloudEventSerializer implements Serializer<CloudEvent> {

    private final EventCodec codec = new EventCodec();

    @Override
    public byte[] serialize(String topic, CloudEvent event) {
        return event == null ? null : codec.toJson(event).getBytes(StandardCharsets.UTF_8);
    }
}
