/** The session service: owns the programme; publishes {@code session.events}; consumes registration events. */
package dev.hybridconf.session;
