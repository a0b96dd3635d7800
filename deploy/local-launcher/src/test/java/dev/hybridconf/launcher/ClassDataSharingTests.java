package dev.hybridconf.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class data sharing cache on a real executable jar (the registration service's, built earlier
 * in the reactor): the first launch records, a clean stop makes the archive the next launch's, and
 * anything that would make the archive stale sends the next launch back to recording.
 */
class ClassDataSharingTests {

    @TempDir
    Path cache;

    Path root;
    Path jar;
    App app = App.REGISTRATION;

    @BeforeEach
    void executableJar() {
        root = LocalLauncher.Options.findRoot(Path.of("")).orElseThrow();
        jar = app.executableJar(root).orElseThrow(
                () -> new IllegalStateException("Build the services first: ./mvnw -DskipTests package"));
    }

    @Test
    void theFirstLaunchRecordsAndACleanStopMakesTheArchiveTheNextLaunchs() throws IOException {
        ClassDataSharing cds = new ClassDataSharing(config(StackConfig.DEFAULT_APP_JVM_OPTIONS));

        ClassDataSharing.Launch first = cds.launch(app, jar);

        assertThat(first.recording()).isTrue();
        assertThat(first.jar()).isRegularFile().startsWith(cache).hasFileName(jar.getFileName().toString());
        assertThat(first.jar().resolveSibling("lib")).isDirectory();
        Path archive = cache.resolve(app.name()).resolve("classes.jsa");
        assertThat(first.jvmOptions()).contains("-XX:ArchiveClassesAtExit=" + archive);

        Files.write(archive, new byte[] { 1, 2, 3 }); // what the JVM leaves on its way out
        cds.recorded(app, jar, true);
        ClassDataSharing.Launch second = cds.launch(app, jar);

        assertThat(second.recording()).isFalse();
        assertThat(second.jar()).isEqualTo(first.jar());
        assertThat(second.jvmOptions()).contains("-XX:SharedArchiveFile=" + archive);

        ClassDataSharing.Launch otherOptions = new ClassDataSharing(config(List.of("-Xmx300m"))).launch(app, jar);

        assertThat(otherOptions.recording()).as("an archive is tied to the JVM options").isTrue();
    }

    @Test
    void anArchiveFromAKilledRunIsDiscarded() throws IOException {
        ClassDataSharing cds = new ClassDataSharing(config(StackConfig.DEFAULT_APP_JVM_OPTIONS));
        cds.launch(app, jar);
        Path archive = cache.resolve(app.name()).resolve("classes.jsa");
        Files.write(archive, new byte[] { 1, 2, 3 });

        cds.recorded(app, jar, false);

        assertThat(archive).doesNotExist();
        assertThat(cds.launch(app, jar).recording()).isTrue();
    }

    private StackConfig config(List<String> jvmOptions) {
        return StackConfig.builder(root).dataDir(cache.resolve("data")).cacheDir(cache).freePorts()
                .appJvmOptions(jvmOptions).build();
    }
}
