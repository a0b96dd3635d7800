package dev.hybridconf.registration.conference;

/**
 * Published (in the application) after a conference snapshot was applied: its places may have grown, so
 * the workflow offers free places to the people waiting without waiting for its sweep.
 */
public record ConferenceTermsChanged(String conferenceId) {
}
