/**
 * The rapporteur's live view of a conference day: a snapshot of the conclusions posted so far, grouped by theme,
 * with the breakouts still to report, and an event stream ({@code text/event-stream}) that pushes each new
 * conclusion, lock change, programme change and stored analysis as it happens. Every replica reads the
 * conference's Redis stream ({@code live:<conferenceId>}, written by the inputs in the same step as the change)
 * with one {@link dev.hybridconf.rapporteur.live.LiveFeed} thread, so a browser on any replica sees every change.
 */
package dev.hybridconf.rapporteur.live;
