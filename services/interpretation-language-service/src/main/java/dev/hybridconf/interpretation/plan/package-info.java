/**
 * The staffing plan of a conference: solving it in the background (one solve per conference at a time across
 * replicas, with progress and a time limit), the draft it leaves, publication (the published plan, its pins and the
 * events that set Zoom up), interpreters' answers (accept, decline and the replan a decline starts), and the views:
 * the draft with its gaps and hiring suggestions, the coverage matrix, the load per interpreter, each interpreter's
 * schedule and its calendar feed. State lives under {@code interpretation:plan:}.
 *
 * <p>It meets the rest of the service only at its ports: {@code needs.SessionNeeds} (what each session needs),
 * {@code roster.Roster} (who can interpret) and {@code planning.StaffingPlanner} (the solver).
 */
package dev.hybridconf.interpretation.plan;
