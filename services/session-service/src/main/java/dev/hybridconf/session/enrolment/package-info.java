/**
 * Breakout enrolment, waiting lists and personal agendas. Approved participants take a place in a
 * scheduled breakout or join its waiting list; places are counted atomically across replicas, a
 * freed place goes to the first person waiting in the same Lua step, and a sweep on every replica
 * makes good a lost promotion. Follows the programme ({@code ProgrammeHook}: a cancelled breakout
 * releases its enrolments) and the participants ({@code ParticipantHook}: an erased or cancelled
 * participant's places are freed) in their own atomic writes.
 */
package dev.hybridconf.session.enrolment;
