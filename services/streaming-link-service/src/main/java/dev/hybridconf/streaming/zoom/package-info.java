/**
 * The Zoom client: Server-to-Server OAuth, meetings and webinars, registrants, live streams and
 * interpretation settings over OkHttp, within Zoom's limits shared by every replica through Redis
 * (per-second categories, the 100 create/update requests per host user per day), with retries,
 * a circuit breaker and a metric for every call. {@link dev.hybridconf.streaming.zoom.ZoomClient}
 * is the entry point; errors are the subclasses of {@link dev.hybridconf.streaming.zoom.ZoomException}.
 * A host's {@code start_url} never reaches a log line, an exception message or a metric tag.
 */
package dev.hybridconf.streaming.zoom;
