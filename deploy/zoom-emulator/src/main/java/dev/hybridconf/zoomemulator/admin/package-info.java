/**
 * The admin API under {@code /emulator}, which is not part of Zoom: host users, reset, faults, limits, the emulated
 * clock, what the emulator holds and was asked, and what happens in meetings (start, end, participants, live
 * streaming), each of which sends its signed webhooks; plus the webhook targets and the URL-validation check.
 */
package dev.hybridconf.zoomemulator.admin;
