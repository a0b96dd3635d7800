package dev.hybridconf.streaming.zoom;

/**
 * A Server-to-Server OAuth access token as cached in Redis.
 *
 * @param apiUrl    the regional API host Zoom named with it ({@code api_url}), or empty
 * @param expiresAt epoch millis
 * @param refreshAt epoch millis after which a replica fetches the next one
 */
record ZoomToken(String accessToken, String apiUrl, long expiresAt, long refreshAt) {

    boolean validAt(long now) {
        return now < expiresAt;
    }

    boolean freshAt(long now) {
        return now < refreshAt;
    }

    @Override
    public String toString() {
        return "ZoomToken[apiUrl=" + apiUrl + ", expiresAt=" + expiresAt + ", refreshAt=" + refreshAt + "]";
    }
}
