/**
 * Zoom webhooks: the signed endpoint {@code POST /webhooks/zoom} hands verified events to the internal topic
 * {@code streaming.zoom-webhooks}; its consumer turns them into live status ({@code streaming.meeting-started.v1},
 * {@code streaming.meeting-ended.v1}) and attendance per session. See {@code docs/services/streaming-link.md}.
 */
package dev.hybridconf.streaming.webhooks;
