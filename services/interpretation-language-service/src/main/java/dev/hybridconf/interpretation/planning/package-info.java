/**
 * Booth staffing to the profession's norms with a constraint solver (Timefold): the planner port, its
 * problem and solution, and the norms.
 */
package dev.hybridconf.interpretation.planning;
