package dev.hybridconf.streaming.zoom;

/** Meetings and webinars share most of Zoom's API under different paths. */
public enum ZoomKind {
    /** A scheduled meeting ({@code type} 2), under {@code /meetings}. */
    MEETING,
    /** A webinar ({@code type} 5), under {@code /webinars}; needs a webinar licence on the host. */
    WEBINAR;

    ZoomEndpoint pick(ZoomEndpoint meeting, ZoomEndpoint webinar) {
        return this == MEETING ? meeting : webinar;
    }
}
