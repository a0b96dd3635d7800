package dev.hybridconf.session.programme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the demo programmes built from the source documents' agendas when
 * {@code platform.session.demo-programmes} is on ({@code DEMO_PROGRAMMES}), through the same
 * idempotent import organisers use: a restart, or several replicas starting at once, write nothing
 * new and emit nothing.
 */
@Component
@ConditionalOnBooleanProperty("platform.session.demo-programmes")
class DemoProgrammes implements ApplicationRunner {

    /** The demo files, shipped as resources of the service. */
    static final List<String> FILES = List.of(
            "demo-programmes/local-action-barcelona-2024.yaml",
            "demo-programmes/uclg-seminar-campus-2021.yaml",
            "demo-programmes/uclg-thematic-session-2021.yaml");

    /**
     * A technical rehearsal dated today (its {@code {{TODAY}}} is today's date in Madrid when loaded), so that
     * the local stack always has sessions open now; a restart on a later day moves it to that day.
     */
    static final String REHEARSAL = "demo-programmes/rehearsal-today.yaml";
    static final ZoneId REHEARSAL_ZONE = ZoneId.of("Europe/Madrid");

    private static final Logger log = LoggerFactory.getLogger(DemoProgrammes.class);

    private final ProgrammeService programme;
    private final Clock clock;

    DemoProgrammes(ProgrammeService programme, Clock clock) {
        this.programme = programme;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    /** Imports every demo programme; returns what each import did. */
    List<ImportResult> load() {
        List<ImportResult> results = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        FILES.forEach(file -> files.add(read(file)));
        files.add(rehearsal(LocalDate.now(clock.withZone(REHEARSAL_ZONE))));
        for (byte[] file : files) {
            ImportResult result = programme.importProgramme(ProgrammeFiles.readYaml(file), null, "DEMO");
            log.info("Demo programme {}: {} (programme version {}, {} scheduled, {} rescheduled, {} updated, {} cancelled)",
                    result.conferenceId(), result.changed() ? "loaded" : "already up to date", result.programmeVersion(),
                    result.scheduled(), result.rescheduled(), result.updated(), result.cancelled());
            results.add(result);
        }
        return results;
    }

    /** The rehearsal programme, on the given day. */
    static byte[] rehearsal(LocalDate day) {
        return new String(read(REHEARSAL), StandardCharsets.UTF_8).replace("{{TODAY}}", day.toString())
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] read(String resource) {
        try (InputStream in = DemoProgrammes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo programme " + resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
