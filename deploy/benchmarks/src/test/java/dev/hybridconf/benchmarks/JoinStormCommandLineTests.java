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
 * The benchmark as a command: it answers {@code --help} without touching the network, refuses a
 * mistaken command line with a reason, and when the stack is not up says so and ends with status 1
 * instead of hanging.
 */
class JoinStormCommandLineTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpPrintsTheOptionsAndStartsNothing() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("Usage:", "--participants", "--concurrency", "--gateway", "--conference",
                "Exit status");
        assertThat(run("-h")).isZero();
        assertThat(err()).isEmpty();
    }

    @Test
    void mistakesAreRefusedWithTheReasonAndTheUsage() {
        assertThat(run("--participants")).isEqualTo(2);
        assertThat(err()).contains("--participants needs a value").contains("Usage:");
        assertThat(run("--colour", "blue")).isEqualTo(2);
        assertThat(err()).contains("unknown option '--colour'");
        assertThat(run("--requests", "lots")).isEqualTo(2);
        assertThat(err()).contains("--requests needs a whole number");
        assertThat(run("--concurrency=0")).isEqualTo(2);
        assertThat(run("--gateway", "localhost:8080")).isEqualTo(2);
        assertThat(err()).contains("--gateway needs an http(s) URL");
    }

    @Test
    void withTheStackDownItSaysSoAndEndsInsteadOfHanging() throws IOException {
        int nothing;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothing = socket.getLocalPort(); // closed again: nothing listens there
        }
        Path figures = dir.resolve("figures.json");
        String url = "http://127.0.0.1:" + nothing;
        int status = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("--gateway", url, "--registration",
                url, "--participants", "3", "--out", figures.toString()));

        assertThat(status).isEqualTo(1);
        assertThat(err()).contains("cannot connect to the stack (" + url).contains("local-launcher.jar");
        assertThat(Files.exists(figures)).as("no figures for a storm that did not run").isFalse();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return JoinStorm.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
