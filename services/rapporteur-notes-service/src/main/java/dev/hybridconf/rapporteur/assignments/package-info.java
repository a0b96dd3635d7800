/**
 * Who reports which day: organisers assign rapporteurs per conference day and optionally per theme of it; a day
 * nobody was assigned to falls to the rapporteur of its wrap-up. Every write of notes and summaries asks
 * {@link dev.hybridconf.rapporteur.assignments.Assignments#requireAssigned} first. Keys {@code rapporteur:assign:*}.
 */
package dev.hybridconf.rapporteur.assignments;
