package dev.hybridconf.registration.workflow;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import redis.clients.jedis.resps.Tuple;

/**
 * At start-up, moves what was stored before registrations belonged to a conference (ADR 0015) into the
 * default conference ({@code DEFAULT_CONFERENCE}): the deployment-wide places held and waiting lists are added
 * to the default conference's, then each registration and invitation gets its conference, its place in the
 * conference's index and its e-mail reservation under the conference. Each step is one atomic write that
 * requires what it moves to be still where it was read, so replicas starting together move everything once,
 * and a start interrupted half-way is finished by the next. Until a registration is moved it already reads as
 * the default conference's.
 *
 * <p>Without a default conference nothing is moved and a warning says so: old registrations stay readable
 * (their conference null), cannot change, and count in no conference. The old {@code settings} hash
 * ({@code invitationOnly}) is no longer read: each conference says whether it is invitation-only.
 */
@Component
class LegacyRegistrations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyRegistrations.class);
    private static final int BATCH = 500;
    private static final int ROUNDS = 20;

    private final RedisStore store;
    private final KeySpace keys;
    private final Registrations registrations;
    private final Invitations invitations;
    private final ConferenceRules conferences;

    LegacyRegistrations(RedisStore store, Registrations registrations, Invitations invitations,
            ConferenceRules conferences) {
        this.store = store;
        this.keys = store.keys();
        this.registrations = registrations;
        this.invitations = invitations;
        this.conferences = conferences;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            migrate();
        } catch (RuntimeException e) {
            // Redis away at start-up: the next start moves the rest; every step written is complete.
            log.warn("Could not move the registrations stored before conferences were the boundary: {}", e.toString());
        }
    }

    /** @return how many registrations and invitations were moved into the default conference */
    int migrate() {
        String conference = conferences.defaultConference();
        boolean legacy = store.redis().exists(legacyRegistrations()) || store.redis().exists(legacyInvitations())
                || store.redis().exists(legacyCapacity());
        if (!legacy) {
            return 0;
        }
        if (conference == null) {
            log.warn("Registrations stored before conferences were the boundary belong to no conference: set "
                    + "DEFAULT_CONFERENCE to the conference they are for, and restart");
            return 0;
        }
        foldCapacity(conference);
        for (AttendanceMode mode : AttendanceMode.values()) {
            foldWaitlist(conference, mode);
        }
        int moved = 0;
        for (int round = 0; round < ROUNDS && store.redis().exists(legacyRegistrations()); round++) {
            for (Tuple entry : store.redis().zrangeWithScores(legacyRegistrations(), 0, BATCH - 1)) {
                moved += moveRegistration(conference, entry.getElement(), entry.getScore()) ? 1 : 0;
            }
        }
        for (int round = 0; round < ROUNDS && store.redis().exists(legacyInvitations()); round++) {
            for (Tuple entry : store.redis().zrangeWithScores(legacyInvitations(), 0, BATCH - 1)) {
                moved += moveInvitation(conference, entry.getElement(), entry.getScore()) ? 1 : 0;
            }
        }
        log.info("Moved {} registration(s) and invitation(s) stored before conferences were the boundary into {}",
                moved, conference);
        return moved;
    }

    /** The places held in the whole deployment become held in the default conference. */
    private void foldCapacity(String conference) {
        Map<String, String> held = store.redis().hgetAll(legacyCapacity());
        if (held == null || held.isEmpty()) {
            return;
        }
        AtomicWrite write = store.atomically().requirePresent(legacyCapacity(), LegacyRegistrations::movedElsewhere);
        held.forEach((mode, count) -> write.hincrBy(registrations.capacityKey(conference), mode, Long.parseLong(count)));
        execute(write.delete(legacyCapacity()));
    }

    /** The deployment's waiting list of a mode joins the default conference's, each person keeping their turn. */
    private void foldWaitlist(String conference, AttendanceMode mode) {
        String legacy = keys.key("waitlist", mode.name());
        List<Tuple> waiting = store.redis().zrangeWithScores(legacy, 0, -1);
        if (waiting.isEmpty()) {
            return;
        }
        AtomicWrite write = store.atomically().requirePresent(legacy, LegacyRegistrations::movedElsewhere);
        waiting.forEach(entry -> write.zadd(registrations.waitlistKey(conference, mode), entry.getScore(),
                entry.getElement()));
        execute(write.delete(legacy));
    }

    private boolean moveRegistration(String conference, String id, double submittedAt) {
        Map<String, String> hash = store.redis().hgetAll(registrations.registrationKey(id));
        AtomicWrite write = store.atomically().requireRanked(legacyRegistrations(), id, LegacyRegistrations::movedElsewhere)
                .zrem(legacyRegistrations(), id);
        if (hash == null || hash.isEmpty()) {
            return execute(write);
        }
        String own = hash.get("conferenceId");
        String target = own == null || own.isEmpty() ? conference : own;
        String key = registrations.registrationKey(id);
        write.requireField(key, "version", hash.get("version"), LegacyRegistrations::movedElsewhere)
                .hset(key, Map.of("conferenceId", target))
                .zadd(registrations.indexKey(target), submittedAt, id);
        String email = hash.get("email");
        String legacyEmail = keys.key("email", email);
        if (email != null && id.equals(store.redis().get(legacyEmail))) {
            write.delete(legacyEmail);
            if (store.redis().get(registrations.emailKey(target, email)) == null) {
                write.requireAbsent(registrations.emailKey(target, email), LegacyRegistrations::movedElsewhere)
                        .set(registrations.emailKey(target, email), id);
            } else {
                log.warn("Registration {} shares its e-mail address with a newer registration for {}", id, target);
            }
        }
        return execute(write);
    }

    private boolean moveInvitation(String conference, String id, double createdAt) {
        Map<String, String> hash = store.redis().hgetAll(invitations.invitationKey(id));
        AtomicWrite write = store.atomically().requireRanked(legacyInvitations(), id, LegacyRegistrations::movedElsewhere)
                .zrem(legacyInvitations(), id);
        if (hash == null || hash.isEmpty()) {
            return execute(write);
        }
        String own = hash.get("conferenceId");
        String target = own == null || own.isEmpty() ? conference : own;
        String key = invitations.invitationKey(id);
        write.requireField(key, "status", hash.get("status"), LegacyRegistrations::movedElsewhere)
                .hset(key, Map.of("conferenceId", target))
                .zadd(invitations.indexKey(target), createdAt, id);
        String email = hash.get("email");
        String legacyEmail = keys.key("invitation-email", email);
        if (email != null && id.equals(store.redis().get(legacyEmail))) {
            write.delete(legacyEmail);
            if (store.redis().get(invitations.emailKey(target, email)) == null) {
                write.requireAbsent(invitations.emailKey(target, email), LegacyRegistrations::movedElsewhere)
                        .set(invitations.emailKey(target, email), id);
            }
        }
        return execute(write);
    }

    /** Another replica moved it, or it changed meanwhile: the next round reads it again. */
    private static boolean execute(AtomicWrite write) {
        try {
            write.execute();
            return true;
        } catch (ConflictException movedOrChanged) {
            return false;
        }
    }

    private static ConflictException movedElsewhere() {
        return new ConflictException("legacy-moved", "registration.changed-concurrently");
    }

    private String legacyRegistrations() {
        return keys.key("registrations");
    }

    private String legacyInvitations() {
        return keys.key("invitations");
    }

    private String legacyCapacity() {
        return keys.key("capacity", "approved");
    }
}
