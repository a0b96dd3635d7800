package dev.hybridconf.registration.identity;

import java.net.URI;

/**
 * Personal access links: a single-use, expiring code that the portal exchanges for a signed token.
 * Issued when a registration is approved and sent to the participant.
 */
public interface AccessLinks {

    /** A new link for the registration's participant, valid for the configured time, usable once. */
    URI issue(String registrationId);
}
