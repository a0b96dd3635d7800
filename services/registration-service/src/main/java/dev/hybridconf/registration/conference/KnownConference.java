package dev.hybridconf.registration.conference;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import dev.hybridconf.contracts.session.RegistrationTerms;

/**
 * A conference as the registration service knows it from the session service's events.
 *
 * @param name             by language code
 * @param invitationOnly   registering (through the public form) needs an invitation
 * @param terms            places per attendance mode and the registration window, as the conference states them
 * @param programmeVersion of the snapshot this copy was taken from
 */
public record KnownConference(String id, Map<String, String> name, ZoneId timeZone, boolean invitationOnly,
        RegistrationTerms terms, long programmeVersion) {

    public KnownConference {
        name = Map.copyOf(name);
        terms = terms == null ? RegistrationTerms.UNSTATED : terms;
    }

    /** The name in {@code language}, else in English, French or Spanish, else the id. */
    public String name(String language) {
        for (String candidate : new String[] {language, "en", "fr", "es"}) {
            String text = candidate == null ? null : name.get(candidate);
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return id;
    }

    /** Whether the public form takes registrations at {@code now}: after opening (inclusive), before closing. */
    public boolean open(Instant now) {
        return (terms.opensAt() == null || !now.isBefore(terms.opensAt()))
                && (terms.closesAt() == null || now.isBefore(terms.closesAt()));
    }
}
