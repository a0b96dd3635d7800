package dev.hybridconf.interpretation.roster;

/** Where an interpreter works: in the room's booth, or remotely through Zoom (only for channels on Zoom). */
public enum WorkMode {
    ON_SITE, REMOTE
}
