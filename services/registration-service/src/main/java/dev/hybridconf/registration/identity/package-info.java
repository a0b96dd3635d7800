/**
 * Participant identity for the local default: the signing keys (kept in Redis so that every replica
 * signs with the same current key), their rotation by organisers, the JWKS endpoint the gateway and
 * services verify against (current and retired keys, until the last token of a retired key has
 * expired), and token issuance. In production an external OpenID Connect issuer replaces this by
 * configuration.
 */
package dev.hybridconf.registration.identity;
