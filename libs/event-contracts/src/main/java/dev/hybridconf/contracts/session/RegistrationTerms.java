package dev.hybridconf.contracts.session;

import java.time.Instant;

/**
 * How a conference takes registrations, as its organisers set it in the programme: the places per
 * attendance mode and the window in which the public form is open. The registration service admits
 * people by these (with {@code invitationOnly} of the conference), per conference.
 *
 * @param inPersonCapacity places in the room; null when the conference does not say (the registration
 *                         service's configured default applies)
 * @param remoteCapacity   places on Zoom; null likewise
 * @param opensAt          from when the form takes registrations; null: from publication
 * @param closesAt         until when (exclusive) the form takes registrations; null: no end
 */
public record RegistrationTerms(Integer inPersonCapacity, Integer remoteCapacity, Instant opensAt,
        Instant closesAt) {

    /** Nothing stated: default places, always open. */
    public static final RegistrationTerms UNSTATED = new RegistrationTerms(null, null, null, null);
}
