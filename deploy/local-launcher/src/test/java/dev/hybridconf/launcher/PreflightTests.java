package dev.hybridconf.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the launcher checks before it starts anything: the executable jars exist and every port is
 * free. Both failures must say what to do, and must leave nothing running or written.
 */
class PreflightTests {

    @TempDir
    Path root;

    @Test
    void aBusyPortIsNamedWithTheOptionThatMovesItAndNothingStarts() throws IOException {
        fakeRepositoryWithJars();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int busy = taken.getLocalPort();
            StackConfig config = StackConfig.builder(root).freePorts().appPort("session-service", busy).build();
            LocalStack stack = new LocalStack(config);

            assertThatThrownBy(stack::start).isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + busy + " (session-service) is already in use")
                    .hasMessageContaining("--session-port")
                    .hasMessageContaining("--base-port");

            assertThat(stack.isRunning("kafka")).isFalse();
            assertThat(stack.isRunning("redis")).isFalse();
            assertThat(config.kafkaDir()).doesNotExist();
        }
    }

    @Test
    void aBusyInfrastructurePortIsNamedToo() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int busy = taken.getLocalPort();
            StackConfig config = StackConfig.builder(root).freePorts().redisPort(busy).apps(List.of()).build();

            assertThatThrownBy(new LocalStack(config)::start).isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + busy + " (Redis) is already in use")
                    .hasMessageContaining("--redis-port");
        }
    }

    @Test
    void missingJarsAreListedWithTheBuildCommand() {
        StackConfig config = StackConfig.builder(root).freePorts().build();

        assertThatThrownBy(new LocalStack(config)::start).isInstanceOf(StackException.class)
                .hasMessageContaining("services/session-service/target/session-service-0.1.0-SNAPSHOT-exec.jar")
                .hasMessageContaining("gateway/target/gateway-0.1.0-SNAPSHOT-exec.jar")
                .hasMessageContaining("./mvnw -B -DskipTests package");
        assertThat(config.dataDir()).doesNotExist();
    }

    @Test
    void theSameSettingTwiceIsRefusedNamingBothOptions() {
        assertThatThrownBy(() -> StackConfig.builder(root).redisPort(8082).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8082")
                .hasMessageContaining("--redis-port")
                .hasMessageContaining("--session-port");
    }

    @Test
    void formattedKafkaStorageIsRecognisedByItsMetaProperties() throws IOException {
        Path kafka = Files.createDirectories(root.resolve("kafka"));
        assertThat(KafkaBroker.isFormatted(kafka)).isFalse();
        assertThat(KafkaBroker.clusterId(kafka)).isEmpty();

        Files.writeString(kafka.resolve("meta.properties"), "version=1\ncluster.id=q1Sh-9_ISia_zwGINzRvyQ\nnode.id=1\n");

        assertThat(KafkaBroker.isFormatted(kafka)).isTrue();
        assertThat(KafkaBroker.clusterId(kafka)).contains("q1Sh-9_ISia_zwGINzRvyQ");
    }

    private void fakeRepositoryWithJars() throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        for (App app : App.ALL) {
            Path jar = root.resolve(app.module()).resolve("target")
                    .resolve(app.name() + "-" + StackConfig.VERSION + "-exec.jar");
            Files.createDirectories(jar.getParent());
            Files.write(jar, new byte[0]);
        }
    }
}
