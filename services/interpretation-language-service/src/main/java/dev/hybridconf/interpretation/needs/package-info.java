/**
 * What each session needs from interpretation: the port between the programme and demand (kept from
 * events) and the planner.
 */
package dev.hybridconf.interpretation.needs;
