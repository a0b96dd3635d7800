package dev.hybridconf.zoomemulator.gate;

/** Zoom's rate-limit labels; each endpoint belongs to one, and each has its own per-second quota. */
public enum RateCategory {
    LIGHT("Light"), MEDIUM("Medium"), HEAVY("Heavy");

    private final String header;

    RateCategory(String header) {
        this.header = header;
    }

    /** The value of {@code X-RateLimit-Category}. */
    public String header() {
        return header;
    }
}
