/**
 * Leases with fencing on Redis: one holder at a time for a piece of work (the outbox relay, provisioning of one
 * session, a sweep), renewed while the work runs, released when it is done, and a fencing token that the write
 * ending the work checks ({@link dev.hybridconf.kit.redis.AtomicWrite#requireFence}), so that a holder whose
 * lease lapsed cannot overwrite the next holder's result.
 */
package dev.hybridconf.kit.lease;
