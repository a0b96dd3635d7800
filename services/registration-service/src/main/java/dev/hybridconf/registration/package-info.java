/**
 * The registration service: owns participants, the registration workflow and (locally) the
 * participant identity; publishes {@code registration.events}.
 */
package dev.hybridconf.registration;
