package dev.hybridconf.streaming.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.redis.RedisStore;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/** Reads the service's copy of sessions; writes belong to provisioning and the webhook consumer. */
@Component
public class Sessions {

    private final UnifiedJedis redis;
    private final StreamingKeys keys;

    public Sessions(RedisStore store, StreamingKeys keys) {
        this.redis = store.redis();
        this.keys = keys;
    }

    public Optional<SessionView> find(String sessionId) {
        return Optional.ofNullable(SessionView.fromHash(sessionId, redis.hgetAll(keys.session(sessionId))));
    }

    /** The session of a Zoom meeting or webinar number, if the platform created it. */
    public Optional<String> sessionOfMeeting(String meetingId) {
        return Optional.ofNullable(redis.get(keys.meeting(meetingId)));
    }

    /** Every session of a conference day that the service knows of, by start time (cancelled ones too). */
    public List<SessionView> onDay(LocalDate day) {
        List<String> ids = redis.zrange(keys.day(day), 0, -1);
        List<SessionView> sessions = new ArrayList<>(ids.size());
        if (ids.isEmpty()) {
            return sessions;
        }
        List<Response<Map<String, String>>> hashes = new ArrayList<>(ids.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String id : ids) {
                hashes.add(pipeline.hgetAll(keys.session(id)));
            }
            pipeline.sync();
        }
        for (int i = 0; i < ids.size(); i++) {
            SessionView view = SessionView.fromHash(ids.get(i), hashes.get(i).get());
            if (view != null) {
                sessions.add(view);
            }
        }
        return sessions;
    }
}
