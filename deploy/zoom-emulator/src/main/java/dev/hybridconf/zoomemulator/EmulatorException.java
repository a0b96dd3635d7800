package dev.hybridconf.zoomemulator;

/**
 * A refusal of the admin API (not part of Zoom): an HTTP status and a sentence saying what is wrong, answered as
 * problem details.
 */
public class EmulatorException extends RuntimeException {

    private final int status;

    public EmulatorException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static EmulatorException notFound(String message) {
        return new EmulatorException(404, message);
    }

    public static EmulatorException conflict(String message) {
        return new EmulatorException(409, message);
    }
}
