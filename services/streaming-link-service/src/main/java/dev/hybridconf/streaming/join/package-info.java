/**
 * The join storm path: {@code GET /api/streaming/sessions/{id}/join} answers the calling participant's own
 * personal Zoom join link, the session's time and its interpretation channels from Redis alone (one pipelined
 * round trip, no Zoom call), within the join window. Never a host link.
 */
package dev.hybridconf.streaming.join;
