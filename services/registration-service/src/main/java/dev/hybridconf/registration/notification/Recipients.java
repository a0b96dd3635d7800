package dev.hybridconf.registration.notification;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;

/** Reads the recipient of a notification from the registration's hash (read only). */
@Component
class Recipients {

    private final RedisStore store;
    private final KeySpace keys;

    Recipients(RedisStore store) {
        this.store = store;
        this.keys = store.keys();
    }

    /** Empty when the registration is unknown or erased, or has no e-mail address left. */
    Optional<Recipient> find(String registrationId) {
        Map<String, String> hash = store.redis().hgetAll(keys.key("registration", registrationId));
        if (hash == null || hash.isEmpty()) {
            return Optional.empty();
        }
        String email = hash.get("email");
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(registrationId, hash.getOrDefault("fullName", ""), email,
                NotificationTemplates.supported(hash.get("preferredLanguage"))));
    }
}
