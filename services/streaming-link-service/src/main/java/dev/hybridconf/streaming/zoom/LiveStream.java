package dev.hybridconf.streaming.zoom;

/**
 * A meeting's or webinar's custom live stream ({@code GET/PATCH /meetings/{id}/livestream}).
 * The stream key is a secret of the streaming platform: {@link #toString()} leaves it out.
 *
 * @param resolution optional, e.g. {@code 720p} or {@code 1080p}
 */
public record LiveStream(String streamUrl, String streamKey, String pageUrl, String resolution) {

    @Override
    public String toString() {
        return "LiveStream[streamUrl=" + streamUrl + ", pageUrl=" + pageUrl + ", resolution=" + resolution
                + ", streamKey=" + (streamKey == null ? "null" : "[redacted]") + "]";
    }
}
