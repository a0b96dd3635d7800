package dev.hybridconf.streaming.hosts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * The host pool in Redis: the {@code hosts} hash (host user id to {@link Host} JSON) and, per host, the hash
 * {@code host-assignments:{hostUserId}} (session id to {@code startMs,endMs}) of the sessions it hosts.
 *
 * <p>Choosing a host and recording the choice is one Lua step ({@link #assign}), so two replicas provisioning
 * sessions of the same slot at once never give one host two overlapping sessions. An assignment whose session no
 * longer names the host (released, moved, or left behind by a crash) is dropped by the next step that reads it:
 * the session hash's {@code hostUserId} is the truth, and the Lua step writes both.
 */
@Component
public class HostPool {

    /**
     * KEYS[1] the hosts hash. ARGV: session id, start ms, end ms, buffer ms, assignments key prefix, session key,
     * session key prefix, then the candidate host ids in order of preference. Answers the host chosen, or false.
     */
    private static final String ASSIGN = """
            local sid = ARGV[1]
            local s = tonumber(ARGV[2])
            local e = tonumber(ARGV[3])
            local b = tonumber(ARGV[4])
            for i = 8, #ARGV do
              local host = ARGV[i]
              if redis.call('HEXISTS', KEYS[1], host) == 1 then
                local akey = ARGV[5] .. host
                local free = true
                local all = redis.call('HGETALL', akey)
                for j = 1, #all, 2 do
                  local other = all[j]
                  if other ~= sid then
                    local owner = redis.call('HGET', ARGV[7] .. other, 'hostUserId')
                    if owner ~= host then
                      redis.call('HDEL', akey, other)
                    else
                      local sep = string.find(all[j + 1], ',')
                      local os = tonumber(string.sub(all[j + 1], 1, sep - 1))
                      local oe = tonumber(string.sub(all[j + 1], sep + 1))
                      if s < oe + b and os < e + b then
                        free = false
                        break
                      end
                    end
                  end
                end
                if free then
                  redis.call('HSET', akey, sid, ARGV[2] .. ',' .. ARGV[3])
                  redis.call('HSET', ARGV[6], 'hostUserId', host)
                  return host
                end
              end
            end
            return false
            """;

    /** ARGV: assignments key, session key, host, session id. Frees the host's slot of the session. */
    private static final String RELEASE = """
            redis.call('HDEL', ARGV[1], ARGV[4])
            if redis.call('HGET', ARGV[2], 'hostUserId') == ARGV[3] then
              redis.call('HSET', ARGV[2], 'hostUserId', '')
            end
            return 1
            """;

    /**
     * KEYS[1] hosts hash. ARGV: host, assignments key, now ms, session key prefix. Answers -1 unknown host, the
     * number of upcoming sessions (refused), or 0 removed.
     */
    private static final String REMOVE = """
            if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return -1 end
            local now = tonumber(ARGV[3])
            local upcoming = 0
            local all = redis.call('HGETALL', ARGV[2])
            for j = 1, #all, 2 do
              local owner = redis.call('HGET', ARGV[4] .. all[j], 'hostUserId')
              local sep = string.find(all[j + 1], ',')
              local oe = tonumber(string.sub(all[j + 1], sep + 1))
              if owner == ARGV[1] and oe > now then upcoming = upcoming + 1 end
            end
            if upcoming > 0 then return upcoming end
            redis.call('HDEL', KEYS[1], ARGV[1])
            redis.call('DEL', ARGV[2])
            return 0
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A session a host holds. */
    public record Assignment(String sessionId, Instant start, Instant end) {
    }

    /** The pool changed in a way that may let waiting sessions get a host. */
    public record HostAdded(String userId) {
    }

    private final RedisStore store;
    private final UnifiedJedis redis;
    private final StreamingKeys keys;
    private final HostPoolProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    HostPool(RedisStore store, StreamingKeys keys, HostPoolProperties properties, Clock clock,
            ApplicationEventPublisher publisher) {
        this.store = store;
        this.redis = store.redis();
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.publisher = publisher;
    }

    public List<Host> all() {
        List<Host> hosts = new ArrayList<>();
        redis.hgetAll(keys.hosts()).values().forEach(json -> hosts.add(JSON.readValue(json, Host.class)));
        hosts.sort(Comparator.comparing(Host::userId));
        return hosts;
    }

    public Optional<Host> find(String userId) {
        String json = redis.hget(keys.hosts(), userId);
        return json == null ? Optional.empty() : Optional.of(JSON.readValue(json, Host.class));
    }

    /** Registers (or re-registers, e.g. with another licence) a host; answers whether it is new. */
    boolean put(Host host) {
        boolean added = !redis.hexists(keys.hosts(), host.userId());
        store.atomically().hset(keys.hosts(), Map.of(host.userId(), JSON.writeValueAsString(host))).execute();
        publisher.publishEvent(new HostAdded(host.userId()));
        return added;
    }

    /**
     * Gives the session the first candidate that is in the pool and has nothing within the buffer of its time,
     * recording the assignment and the session's {@code hostUserId} in one step. A candidate that already holds
     * this session keeps it (with the new times) when it is still free.
     */
    public Optional<String> assign(String sessionId, Instant start, Instant end, List<String> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<String> args = new ArrayList<>(List.of(sessionId, Long.toString(start.toEpochMilli()),
                Long.toString(end.toEpochMilli()), Long.toString(properties.buffer().toMillis()),
                assignmentsPrefix(), keys.session(sessionId), keys.session("")));
        args.addAll(candidates);
        Object chosen = redis.eval(ASSIGN, List.of(keys.hosts()), args);
        return Optional.ofNullable(chosen instanceof String host ? host : null);
    }

    /** Frees the host's slot of the session (and the session's {@code hostUserId} if it still names the host). */
    public void release(String hostUserId, String sessionId) {
        redis.eval(RELEASE, List.of(), List.of(assignments(hostUserId), keys.session(sessionId), hostUserId,
                sessionId));
    }

    /** The sessions the host holds (those whose session still names it), by start. */
    public List<Assignment> assignments(Host host) {
        List<Assignment> held = new ArrayList<>();
        for (Map.Entry<String, String> entry : redis.hgetAll(assignments(host.userId())).entrySet()) {
            if (!host.userId().equals(redis.hget(keys.session(entry.getKey()), "hostUserId"))) {
                continue;
            }
            String[] times = entry.getValue().split(",");
            held.add(new Assignment(entry.getKey(), Instant.ofEpochMilli(Long.parseLong(times[0])),
                    Instant.ofEpochMilli(Long.parseLong(times[1]))));
        }
        held.sort(Comparator.comparing(Assignment::start).thenComparing(Assignment::sessionId));
        return held;
    }

    /**
     * Removes a host that has no upcoming session.
     *
     * @return -1 when the host is not in the pool, the number of upcoming sessions when it was refused, 0 when done
     */
    long remove(String userId) {
        Object answer = redis.eval(REMOVE, List.of(keys.hosts()), List.of(userId, assignments(userId),
                Long.toString(clock.millis()), keys.session("")));
        return (Long) answer;
    }

    public HostPoolProperties properties() {
        return properties;
    }

    private String assignments(String hostUserId) {
        return assignmentsPrefix() + hostUserId;
    }

    private String assignmentsPrefix() {
        return keys.space().key("host-assignments", "");
    }
}
