package dev.hybridconf.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Faster application starts through the JVM's class data sharing (CDS). Each executable jar is
 * extracted once ({@code java -Djarmode=tools -jar app.jar extract}, the layout Spring Boot documents
 * for CDS; it alone starts faster than the nested jar). The first run from that layout records the
 * classes it loads and writes them to an archive when it is stopped ({@code -XX:ArchiveClassesAtExit});
 * every later run maps the archive ({@code -XX:SharedArchiveFile}) instead of loading and verifying
 * the same classes again. Measured on 2 cores: the five services and the gateway reach UP in about
 * 12 s instead of 22-28 s.
 *
 * <p>All of it lives in the cache directory and is redone when the jar, the JDK or the JVM options
 * change. Failures here only cost speed: the application then starts from its jar as usual, and a
 * damaged archive is ignored by the JVM itself ({@code -Xshare:auto}).
 */
final class ClassDataSharing {

    private static final String EXTRACTED_STAMP = "extracted.properties";
    private static final String ARCHIVE_STAMP = "archive.properties";
    private static final String ARCHIVE = "classes.jsa";
    private static final Duration EXTRACT_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private final StackConfig config;

    ClassDataSharing(StackConfig config) {
        this.config = config;
    }

    /**
     * How to run an application.
     *
     * @param jar the jar for {@code -jar}
     * @param jvmOptions options to add to the configured ones
     * @param recording whether this run writes the archive when it stops
     */
    record Launch(Path jar, List<String> jvmOptions, boolean recording) {

        static Launch plain(Path jar) {
            return new Launch(jar, List.of(), false);
        }
    }

    private Path dir(App app) {
        return config.cacheDir().resolve(app.name());
    }

    private Path archive(App app) {
        return dir(app).resolve(ARCHIVE);
    }

    /**
     * The launch for {@code app}: from its archive if a valid one exists, otherwise from the extracted
     * layout recording a new archive, or from the plain jar if extraction fails. May take a second or
     * two the first time (extraction); call it for several applications at once.
     */
    Launch launch(App app, Path execJar) {
        Path extracted;
        try {
            extracted = extracted(app, execJar);
        } catch (RuntimeException e) {
            return Launch.plain(execJar);
        }
        if (extracted == null) {
            return Launch.plain(execJar);
        }
        Path archive = archive(app);
        if (Files.isRegularFile(archive) && archiveStamp(execJar).equals(read(dir(app).resolve(ARCHIVE_STAMP)))) {
            return new Launch(extracted, concat(List.of("-XX:SharedArchiveFile=" + archive), QUIET), false);
        }
        delete(archive);
        delete(dir(app).resolve(ARCHIVE_STAMP));
        return new Launch(extracted, concat(List.of("-XX:ArchiveClassesAtExit=" + archive), QUIET), true);
    }

    /**
     * After a recording run has ended: keeps the archive if the process stopped cleanly (the JVM writes
     * it on the way out), discards it otherwise.
     */
    void recorded(App app, Path execJar, boolean stoppedCleanly) {
        Path archive = archive(app);
        if (!stoppedCleanly || !isNonEmpty(archive)) {
            delete(archive);
            return;
        }
        write(dir(app).resolve(ARCHIVE_STAMP), archiveStamp(execJar), "Class data archive of " + app.name());
    }

    /** The extracted runnable jar, extracting it now unless an extraction of the same jar exists. */
    private Path extracted(App app, Path execJar) {
        Path dir = dir(app);
        Path layout = dir.resolve("app");
        Path runnable = layout.resolve(execJar.getFileName());
        if (Files.isRegularFile(runnable) && jarStamp(execJar).equals(read(dir.resolve(EXTRACTED_STAMP)))) {
            return runnable;
        }
        deleteTree(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return null;
        }
        List<String> command = List.of(LocalStack.javaExecutable().toString(), "-Djarmode=tools", "-jar",
                execJar.toString(), "extract", "--destination", layout.toString());
        ChildProcess extraction = ChildProcess.start(app.name() + "-extract", command, Map.of(), config.root(),
                config.logFile(app.name()), (child, code) -> {
                });
        long deadline = System.nanoTime() + EXTRACT_TIMEOUT.toNanos();
        while (extraction.isAlive() && System.nanoTime() < deadline) {
            KafkaBroker.pause(Duration.ofMillis(50));
        }
        if (extraction.isAlive() || extraction.exitCode() != 0 || !Files.isRegularFile(runnable)) {
            extraction.kill();
            deleteTree(dir);
            return null;
        }
        write(dir.resolve(EXTRACTED_STAMP), jarStamp(execJar), "Extracted " + execJar);
        return runnable;
    }

    private static Properties jarStamp(Path execJar) {
        Properties stamp = new Properties();
        stamp.setProperty("jar.path", execJar.toString());
        try {
            stamp.setProperty("jar.size", Long.toString(Files.size(execJar)));
            stamp.setProperty("jar.modified", Long.toString(Files.getLastModifiedTime(execJar).toMillis()));
        } catch (IOException e) {
            stamp.setProperty("jar.unreadable", Objects.toString(e.getMessage()));
        }
        return stamp;
    }

    /** What an archive depends on besides the jar: the JDK and the JVM options. */
    private Properties archiveStamp(Path execJar) {
        Properties stamp = jarStamp(execJar);
        stamp.setProperty("java.home", System.getProperty("java.home"));
        stamp.setProperty("java.vm.version", Objects.toString(System.getProperty("java.vm.version")));
        stamp.setProperty("jvm.options", String.join(" ", config.appJvmOptions()));
        return stamp;
    }

    private static Properties read(Path file) {
        Properties stamp = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                stamp.load(reader);
            } catch (IOException e) {
                return new Properties();
            }
        }
        return stamp;
    }

    private static void write(Path file, Properties stamp, String comment) {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            stamp.store(writer, comment);
        } catch (IOException e) {
            delete(file);
        }
    }

    private static boolean isNonEmpty(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file only costs speed: the stamp check ignores it
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // leftovers are overwritten by the next extraction
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
