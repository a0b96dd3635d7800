package dev.hybridconf.registration.workflow;

import java.time.Clock;
import java.util.Map;
import java.util.EnumMap;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Submits, reviews and reads registrations. */
@Service
class Registrations {

    private final RedisStore store;
    private final KeySpace keys;
    private final Clock clock;
    private final Counter submitted;
    private final RegistrationCapacity capacity;
    private final MeterRegistry meters;

    Registrations(RedisStore store, Clock clock, MeterRegistry meters, RegistrationCapacity capacity) {
        this.store = store;
        this.keys = store.keys();
        this.clock = clock;
        this.capacity = capacity;
        this.meters = meters;
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

    /**
     * Applies one review step atomically: the status must still be the one the step was decided on
     * (a concurrent change gives 409), an approval must find a free place in its mode, and the new
     * status, the place count and the event are written together.
     */
    Registration review(String id, Function<Registration, Registration.Transition> step) {
        Registration current = find(id).orElseThrow(() -> new NotFoundException("registration.not-found", id));
        Registration.Transition transition = step.apply(current);
        String key = registrationKey(id);
        String mode = current.attendanceMode().name();
        AtomicWrite write = store.atomically()
                .requireField(key, "status", current.status().name(),
                        () -> new ConflictException("changed-concurrently", "registration.changed-concurrently"))
                .hset(key, Map.of("status", transition.next().status().name()))
                .emit(transition.event());
        if (transition.takesPlace()) {
            write.requireBelow(capacityKey(), mode, capacity.limit(current.attendanceMode()),
                    () -> new ConflictException("capacity-reached", "registration.capacity-reached"))
                    .hincrBy(capacityKey(), mode, 1);
        }
        if (transition.releasesPlace()) {
            write.hincrBy(capacityKey(), mode, -1);
        }
        write.execute();
        meters.counter("registrations.reviewed", "status", transition.next().status().name()).increment();
        return transition.next();
    }

    CapacityView capacity() {
        Map<String, String> approved = store.redis().hgetAll(capacityKey());
        Map<AttendanceMode, CapacityView.Mode> modes = new EnumMap<>(AttendanceMode.class);
        for (AttendanceMode mode : AttendanceMode.values()) {
            int limit = capacity.limit(mode);
            long taken = Long.parseLong(approved.getOrDefault(mode.name(), "0"));
            modes.put(mode, new CapacityView.Mode(limit, taken, Math.max(0, limit - taken)));
        }
        return new CapacityView(modes);
    }

    Optional<Registration> find(String id) {
        Map<String, String> hash = store.redis().hgetAll(registrationKey(id));
        return hash == null || hash.isEmpty() ? Optional.empty() : Optional.of(Registration.fromHash(hash));
    }

    private String registrationKey(String id) {
        return keys.key("registration", id);
    }

    private String capacityKey() {
        return keys.key("capacity", "approved");
    }

    private String emailKey(String email) {
        return keys.key("email", email);
    }
}
