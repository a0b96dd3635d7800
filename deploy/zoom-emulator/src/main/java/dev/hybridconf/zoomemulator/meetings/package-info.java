/**
 * Meetings and webinars as Zoom keeps them: scheduling and settings (registration, waiting room, alternative hosts,
 * recording, language interpretation), registrants with personal join links, live-stream settings and status, and
 * what happens while one runs (start, participants joining and leaving, end), each of which sends its webhook.
 */
package dev.hybridconf.zoomemulator.meetings;
