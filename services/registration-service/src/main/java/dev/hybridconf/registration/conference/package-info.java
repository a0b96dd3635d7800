/**
 * The conferences people register for, as the session service publishes them: the registration
 * service's copy of each conference's name, zone, invitation-only flag and registration terms (places
 * per attendance mode, the window in which the form is open), kept from {@code conference.published.v1}
 * and {@code conference.updated.v1} on {@code session.events}. Each event is applied once (by event id)
 * and a snapshot older than the one held is ignored, so redelivery and replay change nothing. A
 * registration belongs to one of these conferences; a conference the session service never published is
 * unknown here, and nobody can register for it.
 */
package dev.hybridconf.registration.conference;
