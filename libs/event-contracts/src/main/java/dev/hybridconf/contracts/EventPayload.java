package dev.hybridconf.contracts;

/**
 * The data of one event. Every payload names its logical, versioned type and the aggregate it is
 * about; the type string, never the Java class name, is what travels on the wire.
 */
public interface EventPayload {

    /** Logical, versioned type, e.g. {@code registration.submitted.v1}. */
    String eventType();

    /** Aggregate id: the CloudEvents {@code subject} and the Kafka record key. */
    String aggregateId();
}
