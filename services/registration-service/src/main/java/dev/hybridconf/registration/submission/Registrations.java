package dev.hybridconf.registration.submission;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Submits and reads registrations. */
@Service
class Registrations {

    private final RedisStore store;
    private final KeySpace keys;
    private final Clock clock;
    private final Counter submitted;

    Registrations(RedisStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.keys = store.keys();
        this.clock = clock;
        this.submitted = Counter.builder("registrations.submitted").description("Registrations submitted")
                .register(meters);
    }

    /**
     * Stores the registration, reserves its e-mail and emits {@code registration.submitted.v1}, all
     * in one atomic step.
     *
     * @throws ConflictException when the e-mail already has a registration
     */
    Registration submit(SubmitRegistrationRequest form) {
        Registration registration = Registration.submit(form, clock.instant());
        store.atomically()
                .requireAbsent(emailKey(registration.email()), () -> new ConflictException("duplicate-registration",
                        "registration.duplicate-email"))
                .set(emailKey(registration.email()), registration.id())
                .hset(registrationKey(registration.id()), registration.toHash())
                .emit(registration.submitted())
                .execute();
        submitted.increment();
        return registration;
    }

    Optional<Registration> find(String id) {
        Map<String, String> hash = store.redis().hgetAll(registrationKey(id));
        return hash == null || hash.isEmpty() ? Optional.empty() : Optional.of(Registration.fromHash(hash));
    }

    private String registrationKey(String id) {
        return keys.key("registration", id);
    }

    private String emailKey(String email) {
        return keys.key("email", email);
    }
}
