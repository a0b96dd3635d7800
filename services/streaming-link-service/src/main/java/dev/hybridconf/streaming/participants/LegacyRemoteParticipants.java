package dev.hybridconf.streaming.participants;

import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.StreamingKeys;

/**
 * At start-up, splits the one set of remote participants kept before conferences were the boundary of
 * registration (ADR 0015) into each conference's: a participant goes to the conference stored with them, else
 * to the default conference ({@code DEFAULT_CONFERENCE}). Each move is one atomic step that requires the
 * participant to be still approved, so a cancellation applied meanwhile is not undone. Then every session open
 * to all remote participants is due for a registrant sync, which cancels the Zoom registrations of people of
 * another conference. Without a default conference, participants stored without one stay in the old set,
 * registered in no new meeting, and a warning says so; nothing fails.
 */
@Component
class LegacyRemoteParticipants implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyRemoteParticipants.class);

    private final RedisStore store;
    private final StreamingKeys keys;
    private final ParticipantCopy participants;
    private final java.time.Clock clock;

    LegacyRemoteParticipants(RedisStore store, StreamingKeys keys, ParticipantCopy participants, java.time.Clock clock) {
        this.store = store;
        this.keys = keys;
        this.participants = participants;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            int moved = migrate();
            if (moved > 0) {
                log.info("Moved {} remote participant(s) from before conferences were the boundary into their "
                        + "conference", moved);
            }
        } catch (RuntimeException e) {
            // Redis away at start-up: the next start moves the rest; every move written is complete.
            log.warn("Could not move the remote participants from before conferences were the boundary: {}",
                    e.toString());
        }
    }

    /** @return how many participants were moved */
    int migrate() {
        String legacy = keys.legacyRemoteParticipants();
        Set<String> members = store.redis().smembers(legacy);
        if (members.isEmpty()) {
            return 0;
        }
        int moved = 0;
        int stranded = 0;
        for (String registrationId : members) {
            String participant = keys.participant(registrationId);
            Map<String, String> stored = store.redis().hgetAll(participant);
            String conference = participants.conferenceOf(null, stored);
            if (conference == null && !stored.isEmpty()) {
                stranded++;
                continue;
            }
            AtomicWrite write = store.atomically().srem(legacy, registrationId);
            if (!stored.isEmpty()) {
                write.requireField(participant, ParticipantCopy.STATUS, ParticipantCopy.APPROVED,
                        () -> new ConflictException("participant-changed", "join.not-enrolled"))
                        .hset(participant, Map.of(ParticipantCopy.CONFERENCE, conference))
                        .sadd(keys.remoteParticipants(conference), registrationId);
            }
            try {
                write.execute();
                moved++;
            } catch (ConflictException noLongerApproved) {
                store.atomically().srem(legacy, registrationId).execute();
            }
        }
        if (stranded > 0) {
            log.warn("{} remote participant(s) from before conferences were the boundary belong to no conference and "
                    + "are registered in no meeting: set DEFAULT_CONFERENCE to the conference they are for", stranded);
        }
        Set<String> openToAll = store.redis().smembers(keys.allRemoteSessions());
        if (!openToAll.isEmpty()) {
            AtomicWrite due = store.atomically();
            long now = clock.millis();
            openToAll.forEach(sessionId -> due.zadd(keys.registrantsDirty(), now, sessionId));
            due.execute();
        }
        return moved;
    }
}
