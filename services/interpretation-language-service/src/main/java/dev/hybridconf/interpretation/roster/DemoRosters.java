package dev.hybridconf.interpretation.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import dev.hybridconf.interpretation.languages.LanguageSettings;

/**
 * Loads the demo rosters (one CSV per demo conference, named after it) when
 * {@code platform.interpretation.demo-rosters} is on ({@code DEMO_ROSTERS}), through the same all-or-nothing
 * import organisers use. Demo entries get ids derived from their conference and e-mail, so every environment
 * has the same ones; a restart, or several replicas starting at once, write nothing new (the rows are
 * unchanged, or the replica that lost the race reads them again and finds them so). A restart puts back what
 * the file says about its own entries; entries organisers added stay. The conference also offers its three working
 * languages in every session, unless an organiser already chose its channels.
 */
@Component
@ConditionalOnBooleanProperty("platform.interpretation.demo-rosters")
class DemoRosters implements ApplicationRunner {

    /** The demo files, shipped as resources of the service: {@code demo-rosters/<conferenceId>.csv}. */
    static final List<String> FILES = List.of("demo-rosters/uclg-seminar-campus-2021.csv");

    /** What every demo conference offers in every session: its working languages (as at a UCLG week). */
    static final List<String> DEMO_CHANNELS = List.of("en", "fr", "es");

    private final RosterImport imports;
    private final LanguageSettings languages;

    DemoRosters(RosterImport imports, LanguageSettings languages) {
        this.imports = imports;
        this.languages = languages;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    /** Imports every demo roster; returns what each import did. */
    List<ImportReport> load() {
        List<ImportReport> reports = new ArrayList<>();
        for (String file : FILES) {
            String conferenceId = conferenceOf(file);
            CsvRosterFile csv = CsvRosterFile.read(read(file), StandardCharsets.UTF_8);
            reports.add(imports.run(conferenceId, csv, false, Locale.ENGLISH, email -> demoId(conferenceId, email)));
            // The conference's channels, once: an organiser's own choice is never overwritten.
            languages.setIfUnset(conferenceId, List.of(), DEMO_CHANNELS, 1, "demo-rosters");
        }
        return reports;
    }

    static String conferenceOf(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.substring(0, name.length() - ".csv".length());
    }

    /** The id of a demo entry: the same in every environment and on every start. */
    static String demoId(String conferenceId, String email) {
        return UUID.nameUUIDFromBytes(("demo-roster:" + conferenceId + ":" + email).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static byte[] read(String resource) {
        try (InputStream in = DemoRosters.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo roster " + resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
