/**
 * Participant identity for the local default: the signing key (kept in Redis so that every replica
 * signs with the same key), the JWKS endpoint the gateway and services verify against, and token
 * issuance. In production an external OpenID Connect issuer replaces this by configuration.
 */
package dev.hybridconf.registration.identity;
