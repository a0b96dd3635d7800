/**
 * The pool of licensed Zoom host users: streaming staff register them ({@code /api/streaming/hosts}), provisioning
 * assigns each session a host so that no host has two overlapping sessions, and the plan endpoint reports the time
 * slots the pool is too small for. See {@code docs/services/streaming-link.md}.
 */
package dev.hybridconf.streaming.hosts;
