/**
 * Faults injected into the emulated Zoom endpoints (server errors, 429 bursts, added latency, connections closed
 * without an answer), for chosen paths or all, and the log of every call with its outcome, which tests read to
 * assert how often the platform called Zoom.
 */
package dev.hybridconf.zoomemulator.faults;
