/**
 * The service's copy of participants and breakout enrolments, kept from {@code registration.events} and the
 * enrolment events of {@code session.events}: {@code participant:{id}}, {@code participants:remote},
 * {@code enrolled:{sessionId}} and {@code enrolments:{registrationId}}. Every change marks the sessions whose
 * Zoom registrants it affects as due in {@code registrants:dirty}; the registrant sync does the Zoom work.
 */
package dev.hybridconf.streaming.participants;
