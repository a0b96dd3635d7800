package dev.hybridconf.kit.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Deserializer;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;

/**
 * Reads a record value as a CloudEvents envelope. It throws on anything else; wrapped in Spring's
 * {@code ErrorHandlingDeserializer}, such a record goes to the dead-letter topic and the partition
 * moves on.
 */
public class CloudEventDeserializer implements Deserializer<CloudEvent> {

    private final EventCodec codec = new EventCodec();

    @Override
    public CloudEvent deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        return codec.fromJson(new String(data, StandardCharsets.UTF_8));
    }
}
