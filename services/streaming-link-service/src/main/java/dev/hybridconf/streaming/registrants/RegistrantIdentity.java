package dev.hybridconf.streaming.registrants;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.hybridconf.streaming.zoom.Registrant;

/**
 * How a participant appears in Zoom: registration events carry no name or e-mail, so a pseudonymous,
 * deterministic address {@code {registrationId}@{domain}}, first name "Participant", last name the first 8
 * characters of the id. The same participant is always the same registrant, so Zoom answers a repeated
 * registration with the existing one.
 */
@Component
public class RegistrantIdentity {

    private final String domain;

    RegistrantIdentity(@Value("${platform.streaming.registrant-email-domain:participants.hybridconf.invalid}")
            String domain) {
        this.domain = domain.toLowerCase(Locale.ROOT);
    }

    public String email(String registrationId) {
        return registrationId.toLowerCase(Locale.ROOT) + "@" + domain;
    }

    public Registrant registrant(String registrationId) {
        return Registrant.of(email(registrationId), "Participant",
                registrationId.substring(0, Math.min(8, registrationId.length())));
    }

    /** The registration id behind an address this service made, or null for any other address. */
    public String registrationId(String email) {
        if (email == null) {
            return null;
        }
        String lower = email.toLowerCase(Locale.ROOT);
        String suffix = "@" + domain;
        return lower.endsWith(suffix) ? lower.substring(0, lower.length() - suffix.length()) : null;
    }
}
