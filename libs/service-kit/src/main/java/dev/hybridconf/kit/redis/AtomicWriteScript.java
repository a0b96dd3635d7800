package dev.hybridconf.kit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/** The one Lua script behind every {@link AtomicWrite}: all checks first, then all writes. */
final class AtomicWriteScript {

    private final String source;
    private volatile String sha;

    AtomicWriteScript() {
        try (InputStream in = AtomicWriteScript.class.getResourceAsStream("/redis/atomic-write.lua")) {
            if (in == null) {
                throw new IllegalStateException("redis/atomic-write.lua missing from the classpath");
            }
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    List<Object> run(UnifiedJedis redis, List<String> keys, List<String> args) {
        String current = sha;
        if (current == null) {
            current = redis.scriptLoad(source);
            sha = current;
        }
        try {
            return (List<Object>) redis.evalsha(current, keys, args);
        } catch (JedisNoScriptException e) {
            // Redis restarted or flushed its script cache: load again once.
            sha = redis.scriptLoad(source);
            return (List<Object>) redis.evalsha(sha, keys, args);
        }
    }
}
