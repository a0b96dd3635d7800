package dev.hybridconf.kit.redis;

/**
 * What an {@link AtomicWrite} can be made conditional on with {@link AtomicWrite#requireFence}: the key holding
 * the current fencing token of some exclusive work, and the token this caller was given. A lease of
 * {@code dev.hybridconf.kit.lease} is one.
 */
public interface Fence {

    /** What the work is, for messages: e.g. {@code provisioning:<session id>}. */
    String name();

    /** The key whose value is the token of the latest holder. */
    String fenceKey();

    /** The token this holder was given; the write fails unless it is still the latest. */
    long token();
}
