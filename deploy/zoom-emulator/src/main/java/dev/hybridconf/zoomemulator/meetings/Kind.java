package dev.hybridconf.zoomemulator.meetings;

/** Meetings and webinars share one id space and mostly the same endpoints, under {@code /meetings} and {@code /webinars}. */
public enum Kind {
    MEETING("meeting"), WEBINAR("webinar");

    private final String word;

    Kind(String word) {
        this.word = word;
    }

    /** {@code meeting} or {@code webinar}: the prefix of its webhook events. */
    public String word() {
        return word;
    }

    /** The kind a path segment ({@code meetings} or {@code webinars}) names. */
    public static Kind ofPath(String segment) {
        return switch (segment) {
            case "meetings" -> MEETING;
            case "webinars" -> WEBINAR;
            default -> throw new IllegalArgumentException("Neither meetings nor webinars: " + segment);
        };
    }
}
