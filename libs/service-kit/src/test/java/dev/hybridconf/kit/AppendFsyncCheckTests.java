package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hybridconf.kit.redis.AppendFsyncCheck;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

/**
 * The start-up check tells an operator whether Redis keeps every write it acknowledged (ADR 0018), on real
 * Redis servers started with each persistence setting.
 */
class AppendFsyncCheckTests {

    @TempDir
    Path dir;

    @Test
    void onlyAnAppendOnlyFileFsyncedOnEveryWriteCountsAsDurable() throws Exception {
        assertThat(checkAgainst(List.of("appendonly no"))).hasValue(0.0);
        assertThat(checkAgainst(List.of("appendonly yes", "appendfsync everysec"))).hasValue(0.0);
        assertThat(checkAgainst(List.of("appendonly yes", "appendfsync no"))).hasValue(0.0);
        assertThat(checkAgainst(List.of("appendonly yes", "appendfsync always"))).hasValue(1.0);
    }

    @Test
    void aRedisThatRefusesConfigGetIsReportedAsUnknownAndStartUpGoesOn() throws Exception {
        assertThat(checkAgainst(List.of("appendonly yes", "appendfsync always", "rename-command CONFIG \"\"")))
                .as("no gauge when Redis does not say").isEmpty();
    }

    /** The gauge's value after the check against a fresh server with these settings; empty when there is none. */
    private Optional<Double> checkAgainst(List<String> settings) throws IOException {
        int port = freePort();
        var builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("dir " + dir.toAbsolutePath()).onShutdownForceStop(true);
        settings.forEach(builder::setting);
        RedisServer server = builder.build();
        server.start();
        try (RedisClient redis = RedisClient.create("127.0.0.1", port)) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            new AppendFsyncCheck(redis, meters).check();
            return Optional.ofNullable(meters.find("redis.append.fsync.always").gauge()).map(g -> g.value());
        } finally {
            server.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
