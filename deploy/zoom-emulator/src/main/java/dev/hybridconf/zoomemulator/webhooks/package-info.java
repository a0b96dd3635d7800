/**
 * Zoom's webhooks as the emulator sends them: Zoom-shaped bodies signed with the app's secret token
 * ({@code x-zm-signature: v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))} with
 * {@code x-zm-request-timestamp} in seconds), delivered to every configured URL, retried on failure, and recorded
 * with the platform's answers; plus the {@code endpoint.url_validation} challenge.
 */
package dev.hybridconf.zoomemulator.webhooks;
