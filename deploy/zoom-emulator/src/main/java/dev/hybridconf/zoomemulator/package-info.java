/**
 * The Zoom emulator: Zoom's Server-to-Server OAuth token endpoint, the {@code /v2} meetings, webinars, registrants
 * and live-stream endpoints the platform calls, Zoom's rate limits and daily caps, injected faults, signed webhooks,
 * and an admin API under {@code /emulator} (not part of Zoom) that tests and people use to drive and inspect it.
 * Everything lives in memory; nothing survives a restart.
 */
package dev.hybridconf.zoomemulator;
