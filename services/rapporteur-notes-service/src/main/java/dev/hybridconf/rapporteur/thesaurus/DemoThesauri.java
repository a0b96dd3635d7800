package dev.hybridconf.rapporteur.thesaurus;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.hybridconf.rapporteur.analysis.Concept;

/**
 * Demo thesauri shipped with the service: {@code classpath:demo-thesauri/<conferenceId>.csv}, in the format of the
 * CSV upload, checked by the same rules. A conference without such a file has none (quietly); a file that breaks
 * the rules is logged and not loaded.
 */
@Component
class DemoThesauri {

    private static final Logger log = LoggerFactory.getLogger(DemoThesauri.class);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private final LabelAnalysis analysis;

    DemoThesauri(LabelAnalysis analysis) {
        this.analysis = analysis;
    }

    Optional<List<Concept>> forConference(String conferenceId) {
        if (conferenceId == null || conferenceId.length() > 100 || !SLUG.matcher(conferenceId).matches()) {
            return Optional.empty();
        }
        String resource = "demo-thesauri/" + conferenceId + ".csv";
        try (InputStream in = DemoThesauri.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(ThesaurusCsv.read(in.readAllBytes(), analysis));
        } catch (IOException | RuntimeException broken) {
            log.error("Demo thesaurus {} not loaded: {}", resource, broken.toString());
            return Optional.empty();
        }
    }
}
