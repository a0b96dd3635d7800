package dev.hybridconf.registration.workflow;

import java.time.Duration;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.redis.RedisStore;

/**
 * The conference's admission settings: configured defaults that organisers may change at run time.
 * The changed values live in Redis so every replica sees them at once.
 */
@Component
class RegistrationSettings {

    /** The settings organisers see and change. */
    record View(boolean invitationOnly, Duration offerReplyWithin) {
    }

    private final RedisStore store;
    private final RegistrationPolicy policy;

    RegistrationSettings(RedisStore store, RegistrationPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    boolean invitationOnly() {
        String stored = store.redis().hget(key(), "invitationOnly");
        return stored == null ? policy.invitationOnly() : Boolean.parseBoolean(stored);
    }

    void invitationOnly(boolean value) {
        store.redis().hset(key(), "invitationOnly", Boolean.toString(value));
    }

    Duration offerReplyWithin() {
        return policy.offerReplyWithin();
    }

    Duration invitationLifetime() {
        return policy.invitationLifetime();
    }

    View view() {
        return new View(invitationOnly(), offerReplyWithin());
    }

    private String key() {
        return store.keys().key("settings");
    }
}
