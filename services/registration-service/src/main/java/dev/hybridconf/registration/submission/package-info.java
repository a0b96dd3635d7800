/**
 * Submitting a registration: validation of the form, one active registration per e-mail, and the
 * {@code registration.submitted.v1} event written atomically with the registration.
 */
package dev.hybridconf.registration.submission;
