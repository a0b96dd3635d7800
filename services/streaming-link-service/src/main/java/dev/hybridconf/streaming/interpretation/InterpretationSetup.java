package dev.hybridconf.streaming.interpretation;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.provisioning.MeetingInterpretation;
import redis.clients.jedis.UnifiedJedis;

/**
 * Provisioning's side of the set-up: a new meeting (first create, repair of a lost one, move to another host) is
 * created with the session's published interpretation, and what it was created with is recorded in the same atomic
 * step as the meeting itself, so the worker finds nothing left to send.
 */
@Component
class InterpretationSetup implements MeetingInterpretation {

    private final UnifiedJedis redis;
    private final InterpretationCopy copy;
    private final InterpretationKeys keys;
    private final InterpretationProperties properties;
    private final Clock clock;

    InterpretationSetup(RedisStore store, InterpretationCopy copy, InterpretationKeys keys,
            InterpretationProperties properties, Clock clock) {
        this.redis = store.redis();
        this.copy = copy;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Optional<Settings> forNewMeeting(String sessionId) {
        return copy.find(sessionId).map(snapshot -> ZoomInterpretationPlan.of(snapshot, properties.signLanguages()))
                .filter(plan -> !plan.off()).map(ZoomInterpretationPlan::settings);
    }

    @Override
    public void created(AtomicWrite write, String sessionId, String meetingId, Settings sent) {
        if (sent != null) {
            write.hset(keys.applied(sessionId), Map.ofEntries(Map.entry("meetingId", meetingId),
                    Map.entry("fingerprint", sent.fingerprint()), Map.entry("planVersion", ""),
                    Map.entry("appliedAt", clock.instant().toString()),
                    Map.entry("state", AppliedInterpretation.APPLIED), Map.entry("reason", ""),
                    Map.entry("detail", ""), Map.entry("retryAt", ""), Map.entry("attempts", "0"),
                    Map.entry("attemptedFingerprint", sent.fingerprint())));
        }
        if (redis.exists(keys.desired(sessionId))) {
            // Checked against the newest plan (it may have changed during the create) without a call if they agree.
            write.zadd(keys.due(), clock.millis(), sessionId);
        }
    }

    @Override
    public void meetingRemoved(AtomicWrite write, String sessionId) {
        write.delete(keys.applied(sessionId));
    }
}
