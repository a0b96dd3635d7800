package dev.hybridconf.zoomemulator.webhooks;

/**
 * The result of sending {@code endpoint.url_validation} to a URL, as Zoom does when a webhook endpoint is saved (and
 * every 72 hours): the platform must answer 200 with {@code {plainToken, encryptedToken}} where
 * {@code encryptedToken} is the hex HMAC-SHA256 of {@code plainToken} under the secret token.
 *
 * @param url where it was sent
 * @param status the HTTP status answered, or {@code null}
 * @param latencyMillis how long the answer took
 * @param plainToken the token sent
 * @param expectedEncryptedToken what a correct answer carries
 * @param answeredPlainToken the {@code plainToken} of the answer
 * @param answeredEncryptedToken the {@code encryptedToken} of the answer
 * @param valid whether Zoom would accept the answer (200, both tokens right, within the timeout)
 * @param problem what is wrong, when it is not valid
 */
public record UrlValidation(String url, Integer status, long latencyMillis, String plainToken,
        String expectedEncryptedToken, String answeredPlainToken, String answeredEncryptedToken, boolean valid,
        String problem) {
}
