package dev.hybridconf.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: defaults from the shared contract, and every way to move the stack. */
class LauncherOptionsTests {

    @TempDir
    Path root;

    @BeforeEach
    void repository() throws IOException {
        Files.createDirectories(root.resolve("services"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
    }

    @Test
    void withoutOptionsTheStackUsesTheContractPortsAndADataDirectoryInTheRepository() {
        StackConfig config = parse().config();

        assertThat(config.root()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(config.dataDir()).isEqualTo(config.root().resolve(".local-stack"));
        assertThat(config.port("gateway")).isEqualTo(8080);
        assertThat(App.SERVICES).extracting(config::port).containsExactly(8081, 8082, 8083, 8084, 8085);
        assertThat(config.port("zoom-emulator")).isEqualTo(8090);
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.kafkaControllerPort()).isEqualTo(9093);
        assertThat(config.redisPort()).isEqualTo(6379);
        assertThat(config.apps()).containsExactly("zoom-emulator", "registration-service", "session-service",
                "streaming-link-service", "interpretation-language-service", "rapporteur-notes-service", "gateway");
        assertThat(config.healthTimeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void theRepositoryIsFoundFromASubdirectory() throws IOException {
        Path nested = Files.createDirectories(root.resolve("deploy").resolve("local-launcher"));

        StackConfig config = LocalLauncher.Options.parse(List.of(), nested).config();

        assertThat(config.root()).isEqualTo(root.toAbsolutePath().normalize());
    }

    @Test
    void basePortMovesTheFiveServicesAndAServiceOptionWinsOverIt() {
        StackConfig config = parse("--session-port", "9500", "--base-port=18081", "--gateway-port", "18080",
                "--zoom-emulator-port", "18090",
                "--kafka-port", "19092", "--kafka-controller-port", "19093", "--redis-port", "16379", "--data-dir",
                "elsewhere", "--health-timeout", "30").config();

        assertThat(App.SERVICES).extracting(config::port).containsExactly(18081, 9500, 18083, 18084, 18085);
        assertThat(config.port("gateway")).isEqualTo(18080);
        assertThat(config.port("zoom-emulator")).as("--base-port moves only the five services").isEqualTo(18090);
        assertThat(config.kafkaBootstrapServers()).isEqualTo("localhost:19092");
        assertThat(config.kafkaControllerPort()).isEqualTo(19093);
        assertThat(config.redisPort()).isEqualTo(16379);
        assertThat(config.dataDir()).isEqualTo(root.resolve("elsewhere").toAbsolutePath().normalize());
        assertThat(config.healthTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void appsCanBeChosenByShortNameAndKeepTheirStartOrder() {
        StackConfig config = parse("--apps", "session,registration-service").config();

        assertThat(config.apps()).containsExactly("registration-service", "session-service");
        assertThat(config.portUses()).extracting(StackConfig.PortUse::owner)
                .containsExactly("Kafka", "Kafka controller", "Redis", "registration-service", "session-service");
    }

    @Test
    void theZoomEmulatorCanBeRunAloneAndIsToldOnlyItsPortAndWhereWebhooksGo() {
        StackConfig config = parse("--apps", "zoom-emulator", "--streaming-link-port", "9583").config();

        assertThat(config.apps()).containsExactly("zoom-emulator");
        assertThat(new LocalStack(config).environment(App.ZOOM_EMULATOR)).containsExactly(
                Map.entry("SERVER_PORT", "8090"),
                Map.entry("SERVER_ADDRESS", "127.0.0.1"),
                Map.entry("ZOOM_WEBHOOK_URL", "http://localhost:9583/webhooks/zoom"));
        assertThat(LocalLauncher.Options.USAGE).contains("--zoom-emulator-port");
    }

    @Test
    void theDemoProgrammesAndTheDemoRosterAreSwitchedOnInTheServicesThatLoadThem() {
        LocalStack stack = new LocalStack(parse().config());

        assertThat(stack.environment(App.SESSION)).containsEntry("DEMO_PROGRAMMES", "true").doesNotContainKey("DEMO_ROSTERS");
        assertThat(stack.environment(App.INTERPRETATION_LANGUAGE)).containsEntry("DEMO_ROSTERS", "true")
                .containsEntry("PUBLIC_BASE_URL", "http://localhost:8080").doesNotContainKey("DEMO_PROGRAMMES");
    }

    @Test
    void everyProcessListensOnLoopbackUnlessListenWidensTheGatewayAlone() {
        StackConfig local = parse().config();
        assertThat(local.listenAddress()).isEqualTo("127.0.0.1");
        assertThat(local.listensBeyondLoopback()).isFalse();
        LocalStack stack = new LocalStack(local);
        for (App app : App.ALL) {
            assertThat(stack.environment(app)).as(app.name()).containsEntry("SERVER_ADDRESS", "127.0.0.1");
        }
        assertThat(local.redisHost()).isEqualTo("127.0.0.1");

        StackConfig widened = parse("--listen", "0.0.0.0").config();
        assertThat(widened.listensBeyondLoopback()).isTrue();
        LocalStack open = new LocalStack(widened);
        assertThat(open.environment(App.GATEWAY)).containsEntry("SERVER_ADDRESS", "0.0.0.0");
        for (App app : App.ALL) {
            if (!app.equals(App.GATEWAY)) {
                assertThat(open.environment(app)).as(app.name() + " stays on loopback")
                        .containsEntry("SERVER_ADDRESS", "127.0.0.1");
            }
        }
        assertThat(parse("--listen=::1").config().listensBeyondLoopback()).isFalse();

        // Whatever port the gateway has, the addresses people receive lead to it.
        LocalStack moved = new LocalStack(parse("--gateway-port", "18080").config());
        assertThat(moved.environment(App.REGISTRATION)).containsEntry("PORTAL_URL", "http://localhost:18080");
        assertThat(moved.environment(App.SESSION)).containsEntry("PUBLIC_BASE_URL", "http://localhost:18080");
        assertThat(moved.environment(App.INTERPRETATION_LANGUAGE)).containsEntry("PUBLIC_BASE_URL", "http://localhost:18080");

        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        LocalLauncher.warnWidened(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8), widened);
        assertThat(said.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("WARNING")
                .contains("0.0.0.0:8080").contains("127.0.0.1 only");
        assertThat(LocalLauncher.Options.USAGE).contains("--listen <address>");
    }

    @Test
    void measureAndHelpAreFlags() {
        assertThat(parse("--measure").measure()).isTrue();
        assertThat(parse("--help").help()).isTrue();
        assertThat(parse().measure()).isFalse();
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> parse("--kafka-port")).hasMessageContaining("--kafka-port needs a value");
        assertThatThrownBy(() -> parse("--redis-port", "six")).hasMessageContaining("--redis-port needs a number");
        assertThatThrownBy(() -> parse("--colour", "blue")).hasMessageContaining("Unknown option --colour");
        assertThatThrownBy(() -> parse("--apps", "zoom")).hasMessageContaining("unknown application 'zoom'");
        assertThatThrownBy(() -> parse("--gateway-port", "8081")).hasMessageContaining("--gateway-port")
                .hasMessageContaining("--registration-port");
        assertThatThrownBy(() -> parse("--listen", "example.org")).hasMessageContaining("--listen needs an IP address");
        assertThatThrownBy(() -> parse("--listen", "localhost")).hasMessageContaining("--listen needs an IP address");
        assertThatThrownBy(() -> LocalLauncher.Options.parse(List.of(), root.getParent().resolve("nowhere")))
                .hasMessageContaining("--root");
    }

    private LocalLauncher.Options parse(String... args) {
        return LocalLauncher.Options.parse(List.of(args), root);
    }
}
