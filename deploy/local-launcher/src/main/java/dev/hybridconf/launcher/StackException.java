package dev.hybridconf.launcher;

/**
 * The stack could not start or do what was asked. The message is written for the person at the
 * terminal: it says what went wrong and what to do about it.
 */
public class StackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
