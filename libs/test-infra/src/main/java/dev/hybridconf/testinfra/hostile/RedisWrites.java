package dev.hybridconf.testinfra.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import redis.clients.jedis.UnifiedJedis;

/**
 * Tells whether anything was written under a key prefix between two moments: a fingerprint of every
 * key (a digest of its serialized value; for a stream, the id of the last entry ever added to it, so
 * that a relay trimming the outbox is not mistaken for a write), taken in one server-side step. Keys that
 * background work writes on its own (consumers' applied-event markers, sweepers' leases) are left out
 * by pattern.
 */
public final class RedisWrites {

    private static final String FINGERPRINT = """
            local result = {}
            local cursor = '0'
            repeat
              local page = redis.call('SCAN', cursor, 'MATCH', ARGV[1], 'COUNT', 1000)
              cursor = page[1]
              for _, key in ipairs(page[2]) do
                local kind = redis.call('TYPE', key)['ok']
                local value
                if kind == 'stream' then
                  local info = redis.call('XINFO', 'STREAM', key)
                  for i = 1, #info, 2 do
                    if info[i] == 'last-generated-id' then value = 'last:' .. tostring(info[i + 1]) end
                  end
                elseif kind == 'none' then
                  value = nil
                else
                  value = redis.sha1hex(redis.call('DUMP', key))
                end
                if value then
                  table.insert(result, key)
                  table.insert(result, value)
                end
              end
            until cursor == '0'
            return result
            """;

    private final UnifiedJedis redis;
    private final String prefix;
    private final List<Pattern> ignored;

    /**
     * @param prefix  the key prefix watched, e.g. {@code mytests-1a2b:registration:}
     * @param ignored glob-like patterns ({@code *} for any run of characters) of keys written in the background
     */
    public RedisWrites(UnifiedJedis redis, String prefix, List<String> ignored) {
        this.redis = redis;
        this.prefix = prefix;
        this.ignored = ignored.stream().map(RedisWrites::glob).toList();
    }

    /** Every watched key and its fingerprint, sorted by key. */
    public Map<String, String> snapshot() {
        @SuppressWarnings("unchecked")
        List<Object> flat = (List<Object>) redis.eval(FINGERPRINT, List.of(), List.of(escape(prefix) + "*"));
        Map<String, String> snapshot = new TreeMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            String key = String.valueOf(flat.get(i));
            if (ignored.stream().noneMatch(p -> p.matcher(key).matches())) {
                snapshot.put(key, String.valueOf(flat.get(i + 1)));
            }
        }
        return snapshot;
    }

    /** The keys created, changed or deleted between two snapshots; empty when nothing was written. */
    public static List<String> changes(Map<String, String> before, Map<String, String> after) {
        List<String> changes = new ArrayList<>();
        before.forEach((key, value) -> {
            String now = after.get(key);
            if (now == null) {
                changes.add("deleted " + key);
            } else if (!now.equals(value)) {
                changes.add("changed " + key);
            }
        });
        after.keySet().stream().filter(key -> !before.containsKey(key)).forEach(key -> changes.add("created " + key));
        return changes;
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /** Escapes Redis glob characters in a literal prefix. */
    private static String escape(String literal) {
        return literal.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
