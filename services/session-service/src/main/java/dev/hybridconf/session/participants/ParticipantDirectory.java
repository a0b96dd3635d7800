package dev.hybridconf.session.participants;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.kit.redis.AtomicWrite.Outcome;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;

/** The session service's copy of participant facts. */
@Service
class ParticipantDirectory {

    /** How long an applied event id is remembered; far longer than any redelivery or relay retry. */
    static final Duration REMEMBER_EVENTS = Duration.ofDays(30);

    private final RedisStore store;
    private final KeySpace keys;

    ParticipantDirectory(RedisStore store) {
        this.store = store;
        this.keys = store.keys();
    }

    /** Records a submitted registration once, whatever the number of deliveries. */
    Outcome apply(CloudEvent event, RegistrationSubmitted submitted) {
        String participant = participantKey(submitted.registrationId());
        return store.atomically()
                .onlyOnce(event.id().toString(), REMEMBER_EVENTS)
                .hset(participant, Map.of(
                        "registrationId", submitted.registrationId(),
                        "attendanceMode", submitted.attendanceMode(),
                        "preferredLanguage", submitted.preferredLanguage(),
                        "country", submitted.country(),
                        "status", "SUBMITTED"))
                .hincrBy(participant, "eventsApplied", 1)
                .hincrBy(summaryKey(), "total", 1)
                .hincrBy(summaryKey(), "mode:" + submitted.attendanceMode(), 1)
                .execute();
    }

    /** Records a review decision (approved, waitlisted, rejected, cancelled) once per event. */
    Outcome applyStatus(CloudEvent event, String registrationId, String status) {
        String participant = participantKey(registrationId);
        return store.atomically()
                .onlyOnce(event.id().toString(), REMEMBER_EVENTS)
                .hset(participant, Map.of("registrationId", registrationId, "status", status))
                .hincrBy(participant, "eventsApplied", 1)
                .execute();
    }

    Optional<ParticipantView> find(String registrationId) {
        Map<String, String> hash = store.redis().hgetAll(participantKey(registrationId));
        if (hash == null || hash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ParticipantView(hash.get("registrationId"), hash.get("attendanceMode"),
                hash.get("preferredLanguage"), hash.get("country"), hash.get("status"),
                Long.parseLong(hash.getOrDefault("eventsApplied", "0"))));
    }

    ParticipantSummary summary() {
        Map<String, String> hash = store.redis().hgetAll(summaryKey());
        Map<String, Long> byMode = new TreeMap<>();
        hash.forEach((field, value) -> {
            if (field.startsWith("mode:")) {
                byMode.put(field.substring("mode:".length()), Long.parseLong(value));
            }
        });
        return new ParticipantSummary(Long.parseLong(hash.getOrDefault("total", "0")), byMode);
    }

    private String participantKey(String registrationId) {
        return keys.key("participant", registrationId);
    }

    private String summaryKey() {
        return keys.key("participants", "summary");
    }
}
