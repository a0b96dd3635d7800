/**
 * The streaming-link service's copy of the programme and the state of each session's Zoom meeting, read
 * by the join path, the staff board and the webhook consumer. Keys are in {@link dev.hybridconf.streaming.catalog.StreamingKeys}.
 */
package dev.hybridconf.streaming.catalog;
