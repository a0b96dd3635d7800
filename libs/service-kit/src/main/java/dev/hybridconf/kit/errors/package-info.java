/**
 * Exceptions that carry their HTTP meaning, and the handler that turns every error into an RFC 9457
 * {@code application/problem+json} answer with a stable {@code type} URI.
 */
package dev.hybridconf.kit.errors;
