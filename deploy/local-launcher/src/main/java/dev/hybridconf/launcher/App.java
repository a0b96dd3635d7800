package dev.hybridconf.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One Spring Boot application of the platform as the launcher knows it: where its executable jar is
 * built, its default port and the command-line option that moves it.
 *
 * @param name the application name, as in its {@code spring.application.name}
 * @param module the Maven module directory relative to the repository root
 * @param defaultPort the port from the shared contract
 * @param option the launcher option overriding the port, e.g. {@code --session-port}
 */
public record App(String name, String module, int defaultPort, String option) {

    public static final App REGISTRATION = new App("registration-service", "services/registration-service", 8081,
            "--registration-port");
    public static final App SESSION = new App("session-service", "services/session-service", 8082, "--session-port");
    public static final App STREAMING_LINK = new App("streaming-link-service", "services/streaming-link-service", 8083,
            "--streaming-link-port");
    public static final App INTERPRETATION_LANGUAGE = new App("interpretation-language-service",
            "services/interpretation-language-service", 8084, "--interpretation-language-port");
    public static final App RAPPORTEUR_NOTES = new App("rapporteur-notes-service", "services/rapporteur-notes-service",
            8085, "--rapporteur-notes-port");
    public static final App GATEWAY = new App("gateway", "gateway", 8080, "--gateway-port");
    /** The in-memory stand-in for Zoom: no Kafka, no Redis, no tokens of the platform. */
    public static final App ZOOM_EMULATOR = new App("zoom-emulator", "deploy/zoom-emulator", 8090,
            "--zoom-emulator-port");

    /** The five services, registration first: it issues the tokens every other application checks. */
    public static final List<App> SERVICES = List.of(REGISTRATION, SESSION, STREAMING_LINK, INTERPRETATION_LANGUAGE,
            RAPPORTEUR_NOTES);

    /**
     * Everything the launcher runs on the JVM, in start order: the Zoom emulator first (it needs nothing and the
     * streaming-link service calls it), the gateway last.
     */
    public static final List<App> ALL = List.of(ZOOM_EMULATOR, REGISTRATION, SESSION, STREAMING_LINK,
            INTERPRETATION_LANGUAGE, RAPPORTEUR_NOTES, GATEWAY);

    public static Optional<App> named(String name) {
        return ALL.stream().filter(app -> app.name.equals(name)).findFirst();
    }

    public static App require(String name) {
        return named(name).orElseThrow(() -> new IllegalArgumentException(
                "Unknown application '" + name + "'; known: " + ALL.stream().map(App::name).toList()));
    }

    /**
     * The repackaged Spring Boot jar, {@code <module>/target/<name>-<version>-exec.jar}: the launcher's own
     * version if that jar exists, otherwise the most recently built one.
     */
    public Optional<Path> executableJar(Path root) {
        Path target = root.resolve(module).resolve("target");
        Path expected = target.resolve(name + "-" + StackConfig.VERSION + "-exec.jar");
        if (Files.isRegularFile(expected)) {
            return Optional.of(expected);
        }
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (var files = Files.list(target)) {
            return files.filter(file -> {
                String fileName = file.getFileName().toString();
                return fileName.startsWith(name + "-") && fileName.endsWith("-exec.jar");
            }).max(Comparator.comparing(App::lastModified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0L;
        }
    }
}
