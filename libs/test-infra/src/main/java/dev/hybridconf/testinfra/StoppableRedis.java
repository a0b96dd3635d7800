package dev.hybridconf.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;

/**
 * A Redis server process of its own, for a test that stops it and starts it again on the same port (an outage of
 * the process, not a flag), with the production persistence ({@code appendonly yes}, {@code appendfsync
 * everysec}) in a directory of its own, so a restart reloads what was written. Point a context's
 * {@code platform.redis.port} at {@link #port()}. Close it when the test class is done.
 */
public final class StoppableRedis implements AutoCloseable {

    private final int port = SharedInfrastructure.freePort();
    private final Path dir;
    private RedisServer server;

    private StoppableRedis() {
        try {
            dir = Files.createTempDirectory("stoppable-redis");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a new server. */
    public static StoppableRedis start() {
        StoppableRedis redis = new StoppableRedis();
        redis.restart();
        return redis;
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    /** Stops the process (as an operator or an orchestrator does: a clean shutdown); clients get refused connections. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    /** Starts the process again on the same port and directory; it reloads its append-only file. */
    public synchronized void restart() {
        if (server != null) {
            return;
        }
        try {
            RedisServer next = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dir.toAbsolutePath())
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("save \"\"")
                    .onShutdownForceStop(true)
                    .build();
            next.start();
            server = next;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Redis on port " + port, e);
        }
    }

    public synchronized boolean isRunning() {
        return server != null && server.isActive();
    }

    @Override
    public void close() {
        stop();
    }
}
