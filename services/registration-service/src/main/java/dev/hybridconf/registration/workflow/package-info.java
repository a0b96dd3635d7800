/**
 * The registration workflow: submission (validation, one registration per e-mail) and review
 * (pending, approved, waitlisted, rejected, cancelled), each transition a method on the
 * {@link dev.hybridconf.registration.workflow.Registration} aggregate and an event written
 * atomically with the new state. Approval never oversells a mode's capacity.
 */
package dev.hybridconf.registration.workflow;
