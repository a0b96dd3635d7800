package dev.hybridconf.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The durability benchmark's options, and a short run that writes figures for each fsync mode to its file. */
class RedisDurabilityTests {

    @TempDir
    Path dir;

    @Test
    void unknownOrIncompleteOptionsAreRefusedWithAHint() {
        assertThat(RedisDurability.parse(new String[] {"--help"})).isNull();
        assertThat(RedisDurability.parse(new String[] {"--writes=50", "--threads", "2"}))
                .containsEntry("writes", "50").containsEntry("threads", "2");
        assertThatThrownBy(() -> RedisDurability.parse(new String[] {"--fsync", "always"}))
                .hasMessageContaining("unknown option '--fsync'").hasMessageContaining("--help");
        assertThatThrownBy(() -> RedisDurability.parse(new String[] {"--writes"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> new RedisDurability(Map.of("threads", "0"), System.out))
                .hasMessageContaining("--threads must be between 1 and 1000");
        assertThatThrownBy(() -> new RedisDurability(Map.of("writes", "many"), System.out))
                .hasMessageContaining("--writes must be a whole number");
    }

    @Test
    void aShortRunMeasuresEveryModeOnARealServerAndWritesTheFigures() throws Exception {
        Path out = dir.resolve("figures/redis-durability.json");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        new RedisDurability(Map.of("writes", "300", "threads", "3", "rounds", "1", "dir", dir.resolve("data").toString(),
                "out", out.toString()), new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        JsonNode report = JsonMapper.shared().readTree(out.toFile());
        for (String mode : new String[] {"no-aof", "everysec", "always"}) {
            JsonNode median = report.path("modes").path(mode).path("median");
            assertThat(median.path("requests").asInt()).as(mode).isEqualTo(300);
            assertThat(median.path("errors").asInt()).as(mode + ": every write applied").isZero();
            assertThat(median.path("throughputPerSecond").asDouble()).as(mode).isPositive();
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("always").contains("Figures written to");
        assertThat(dir.resolve("data").resolve("always")).as("each server's files are removed").doesNotExist();
    }
}
