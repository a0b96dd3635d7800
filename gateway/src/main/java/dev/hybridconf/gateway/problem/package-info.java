/**
 * Errors the gateway itself answers (missing token, upstream down or slow, unknown path) as RFC 9457
 * {@code application/problem+json} with the platform's stable problem types, never a stack trace
 * or an HTML error page.
 */
package dev.hybridconf.gateway.problem;
