package dev.hybridconf.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One process the launcher started: Kafka, Redis or an application. Output goes to a log file;
 * {@link #stop(Duration)} asks politely (SIGTERM) and insists after the grace period (SIGKILL);
 * {@link #kill()} is a real crash. An exit nobody asked for is reported to the listener.
 */
final class ChildProcess {

    /**
     * {@code setsid} puts a child in a session of its own, so that Ctrl-C in the terminal reaches only
     * the launcher, whose shutdown hook then stops the children in order. Where it is missing
     * (macOS), children receive Ctrl-C together with the launcher.
     */
    private static final Path SETSID = findSetsid();

    private final String name;
    private final Process process;
    private final Path log;
    private volatile boolean stopping;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} with the launcher's environment plus {@code env}, appending its output to
     * {@code log} after a header line.
     *
     * @param onUnexpectedExit called with the process and its exit code if it ends without
     *        {@link #stop(Duration)} or {@link #kill()}
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workingDir, Path log,
            BiConsumer<ChildProcess, Integer> onUnexpectedExit) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, System.lineSeparator() + "===== " + Instant.now() + " launcher starts " + name + ": "
                    + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            List<String> fullCommand = new ArrayList<>();
            if (SETSID != null) {
                fullCommand.add(SETSID.toString());
            }
            fullCommand.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(fullCommand).directory(workingDir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            ChildProcess child = new ChildProcess(name, process, log);
            process.onExit().thenAccept(exited -> {
                if (!child.stopping) {
                    onUnexpectedExit.accept(child, exited.exitValue());
                }
            });
            return child;
        } catch (IOException e) {
            throw new StackException("Could not start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Exit code, or -1 while the process runs. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** SIGTERM, then SIGKILL once {@code grace} has passed. Returns whether it ended within the grace period. */
    boolean stop(Duration grace) {
        stopping = true;
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** SIGKILL without warning, as a crash would; waits until the process is gone. */
    void kill() {
        stopping = true;
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code lines} lines of the log, for error messages. */
    String logTail(int lines) {
        return tail(log, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (var channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, 64 * 1024);
            channel.position(size - length);
            var buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read the whole chunk
            }
            String[] all = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\\R");
            Deque<String> last = new ArrayDeque<>();
            for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
                last.add(all[i]);
            }
            return String.join(System.lineSeparator(), last);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static Path findSetsid() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return null;
        }
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
