/**
 * Events published by the session service on {@code session.events} about the programme: the
 * conference (with its days) and each session. They carry what other services plan with (times as
 * instants plus the conference's IANA zone, format, languages, streaming, capacity, moderator and
 * rapporteur ids) and no personal data: speakers' names stay in the session service. Breakout
 * enrolment events ({@link dev.hybridconf.contracts.session.EnrolmentEvent}) carry the registration id only.
 */
package dev.hybridconf.contracts.session;
