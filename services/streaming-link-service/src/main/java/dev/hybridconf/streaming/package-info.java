/**
 * The streaming-link service: zoom meetings per session, personal join links, host pool, webhooks and attendance. Owns its Redis key space
 * ({@code streaming:}) and publishes {@code streaming.events}. This module is the boot skeleton; its
 * capabilities arrive with their issues.
 */
package dev.hybridconf.streaming;
