package dev.hybridconf.contracts;

/** An event that cannot be read: consumers send it to the dead-letter topic instead of retrying. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
