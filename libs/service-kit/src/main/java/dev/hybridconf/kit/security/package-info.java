/**
 * Token checks in every service: a stateless JWT resource server whose issuer and key set come from
 * configuration (the registration service locally, an external OpenID Connect issuer in production),
 * roles from the {@code roles} claim, and 401/403 answers as problem details.
 */
package dev.hybridconf.kit.security;
