/**
 * The service's copy of what demand is made of, kept from {@code session.events} and {@code registration.events}
 * (no call to either service): conferences (zone, working languages, days), sessions (kind, times, format, floor
 * languages, status), participants (conference, status, attendance mode, languages) and breakout enrolments, and
 * the listener counts per language derived from them, kept in the same atomic steps. One listener keeps it all,
 * so it is one rebuildable view ({@code POST /actuator/views/interpretation-demand}).
 */
package dev.hybridconf.interpretation.demand;
