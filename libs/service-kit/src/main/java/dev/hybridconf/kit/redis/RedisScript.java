package dev.hybridconf.kit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script of the kit, loaded from the classpath once and run by its SHA (loaded again if Redis forgot it).
 * Every key a script touches is passed in {@code keys} (Redis Cluster routes by them); scripts never build key
 * names themselves.
 */
public final class RedisScript {

    private final String resource;
    private final String source;
    private volatile String sha;

    private RedisScript(String resource, String source) {
        this.resource = resource;
        this.source = source;
    }

    /** The script at {@code resource} on the classpath, e.g. {@code /redis/lease.lua}. */
    public static RedisScript fromClasspath(String resource) {
        try (InputStream in = RedisScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            return new RedisScript(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        String current = sha;
        if (current == null) {
            current = redis.scriptLoad(source);
            sha = current;
        }
        try {
            return redis.evalsha(current, keys, args);
        } catch (JedisNoScriptException e) {
            // Redis restarted or flushed its script cache: load again once.
            sha = redis.scriptLoad(source);
            return redis.evalsha(sha, keys, args);
        }
    }

    @Override
    public String toString() {
        return resource;
    }
}
