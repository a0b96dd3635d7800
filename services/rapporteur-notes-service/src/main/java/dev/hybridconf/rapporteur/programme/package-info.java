/**
 * The programme as this service knows it: a copy kept from {@code session.events} (conferences with their days and
 * themes, sessions with their kind, times, moderators and rapporteur), never a call to the session service.
 * {@link dev.hybridconf.rapporteur.programme.Programme} is what the other features read; keys {@code prog:*}.
 */
package dev.hybridconf.rapporteur.programme;
