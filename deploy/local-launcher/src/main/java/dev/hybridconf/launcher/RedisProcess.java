package dev.hybridconf.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * A real Redis server with AOF persistence: {@code redis-server} from the PATH if there is one,
 * otherwise the binary that the {@code embedded-redis} artifact carries for this operating system,
 * copied once into the data directory.
 */
final class RedisProcess {

    private static final Pattern BUNDLED = Pattern.compile("redis-server-[0-9][^/]*-(linux|darwin)-(amd64|arm64|386)");

    private final StackConfig config;

    RedisProcess(StackConfig config) {
        this.config = config;
    }

    /** The binary to run, found or extracted now; fails with installation advice if there is none. */
    Path binary() {
        return onPath().or(this::bundled).orElseThrow(() -> new StackException(
                "No Redis server available: there is no redis-server on the PATH and the embedded-redis artifact has no"
                        + " binary for " + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                        + " that runs here. Install one (Debian/Ubuntu: sudo apt-get install redis-server;"
                        + " macOS: brew install redis) and start the launcher again."));
    }

    ChildProcess start(Path binary, BiConsumer<ChildProcess, Integer> onUnexpectedExit) {
        try {
            Files.createDirectories(config.redisDir());
        } catch (IOException e) {
            throw new StackException("Could not create " + config.redisDir() + ": " + e.getMessage(), e);
        }
        // Every write fsynced before Redis answers: nothing the relay publishes can be lost with Redis (ADR 0018).
        List<String> command = List.of(binary.toString(), "--port", Integer.toString(config.redisPort()), "--bind",
                config.redisHost(), "--appendonly", "yes", "--appendfsync", "always", "--dir",
                config.redisDir().toString(), "--daemonize", "no", "--protected-mode", "yes");
        return ChildProcess.start("redis", command, Map.of(), config.root(), config.logFile("redis"),
                onUnexpectedExit);
    }

    /** Waits until the server answers PING, failing early (with installation advice) if it exits. */
    void awaitReady(ChildProcess redis, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!redis.isAlive()) {
                throw new StackException("Redis exited during start-up (exit " + redis.exitCode() + "). Last lines of "
                        + redis.log() + ":\n" + redis.logTail(15) + "\nIf the bundled binary cannot run on this machine,"
                        + " install Redis (Debian/Ubuntu: sudo apt-get install redis-server) and start again.");
            }
            if (ping(config.redisHost(), config.redisPort())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("Redis did not answer PING on port " + config.redisPort() + " within "
                        + timeout.toSeconds() + " s; see " + redis.log());
            }
            KafkaBroker.pause(Duration.ofMillis(50));
        }
    }

    static boolean ping(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            socket.setSoTimeout(1000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] reply = new byte[7];
            int read = socket.getInputStream().readNBytes(reply, 0, reply.length);
            return new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The embedded-redis binary for this OS and CPU, extracted to {@code <data>/bin} unless already there. */
    private Optional<Path> bundled() {
        Optional<String> entry = bundledEntryName();
        Optional<Path> jar = embeddedRedisJar();
        if (entry.isEmpty() || jar.isEmpty()) {
            return Optional.empty();
        }
        Path target = config.dataDir().resolve("bin").resolve(entry.get());
        try (JarFile file = new JarFile(jar.get().toFile())) {
            var jarEntry = file.getJarEntry(entry.get());
            if (jarEntry == null) {
                return Optional.empty();
            }
            if (!Files.isRegularFile(target) || Files.size(target) != jarEntry.getSize()) {
                Files.createDirectories(target.getParent());
                Path partial = target.resolveSibling(target.getFileName() + ".partial");
                try (InputStream in = file.getInputStream(jarEntry)) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            if (!target.toFile().setExecutable(true, true)) {
                return Optional.empty();
            }
            return Optional.of(target);
        } catch (IOException e) {
            throw new StackException("Could not extract the bundled Redis server to " + target + ": " + e.getMessage()
                    + ". Install Redis instead (Debian/Ubuntu: sudo apt-get install redis-server).", e);
        }
    }

    /** Which entry of the embedded-redis jar fits this machine, if any. */
    static Optional<String> bundledEntryName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osPart = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "darwin" : null;
        String archPart = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> null;
        };
        if (osPart == null || archPart == null) {
            return Optional.empty();
        }
        Optional<Path> jar = embeddedRedisJar();
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        String suffix = "-" + osPart + "-" + archPart;
        try (JarFile file = new JarFile(jar.get().toFile())) {
            return file.stream().map(JarEntry::getName)
                    .filter(name -> BUNDLED.matcher(name).matches() && name.endsWith(suffix)).sorted()
                    .reduce((first, second) -> second);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> embeddedRedisJar() {
        try {
            var source = redis.embedded.RedisServer.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }
}
