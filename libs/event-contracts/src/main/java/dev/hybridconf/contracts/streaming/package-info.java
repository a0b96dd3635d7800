/**
 * Events the streaming-link service publishes on {@code streaming.events}. Defined here before that
 * service emits them so that their consumers (the session service's live status) can be built and
 * tested against the contract.
 */
package dev.hybridconf.contracts.streaming;
