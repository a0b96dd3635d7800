package dev.hybridconf.contracts;

/**
 * An event of a type this consumer knows, in a version it does not (e.g. {@code registration.approved.v2} where
 * only {@code v1} is known): it cannot be applied, and skipping it would lose a fact. Consumers send it to the
 * dead-letter topic at once; once the consumer knows the version, the event is replayed.
 */
public class UnknownEventVersionException extends MalformedEventException {

    public UnknownEventVersionException(String type) {
        super("unknown version of a known event type: " + type, null);
    }
}
