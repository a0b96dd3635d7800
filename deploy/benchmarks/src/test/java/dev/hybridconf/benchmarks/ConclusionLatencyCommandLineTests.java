package dev.hybridconf.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latency benchmark as a command: {@code --help} without touching the network, a mistaken command line refused
 * with its reason, and a stack that is not up said so (status 1, no figures) instead of a hang.
 */
class ConclusionLatencyCommandLineTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpPrintsTheOptionsAndStartsNothing() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:", "--revisions", "--rate", "--breakouts",
                "--conference", "Exit status");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void mistakesAreRefusedWithTheReasonAndTheUsage() {
        assertThat(run("--revisions")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--revisions needs a value").contains("Usage:");
        assertThat(run("--colour", "blue")).isEqualTo(2);
        assertThat(run("--rate", "fast")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--rate must be a whole number");
        assertThat(run("--breakouts=0")).isEqualTo(2);
        assertThat(run("--gateway", "localhost:8080")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--gateway needs an http(s) URL");
    }

    @Test
    void withTheStackDownItSaysSoAndEndsInsteadOfHanging() throws IOException {
        int nothing;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothing = socket.getLocalPort();
        }
        Path figures = dir.resolve("figures.json");
        String url = "http://127.0.0.1:" + nothing;
        int status = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("--gateway", url, "--registration",
                url, "--out", figures.toString()));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot connect to the stack (" + url)
                .contains("local-launcher.jar");
        assertThat(Files.exists(figures)).isFalse();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return ConclusionLatency.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
