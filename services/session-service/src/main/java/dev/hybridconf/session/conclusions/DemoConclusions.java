package dev.hybridconf.session.conclusions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.hybridconf.session.programme.ProgrammeSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads the demo conclusions of the demo programmes' breakouts when {@code platform.session.demo-programmes} is on
 * ({@code DEMO_PROGRAMMES}), once the programmes are loaded (the application is ready): every revision of a file is
 * posted in order, as the poster {@code demo-loader}, through the same write as a moderator's post (the lock of a
 * 2021 breakout is bypassed). A revision the breakout already holds is not posted again, so a restart, or several
 * replicas starting at once, write nothing new and emit nothing.
 */
@Component
@ConditionalOnBooleanProperty("platform.session.demo-programmes")
class DemoConclusions {

    /** The demo files, shipped as resources of the service. */
    static final List<String> FILES = List.of("demo-conclusions/uclg-seminar-campus-2021.yaml");
    static final String POSTER = "demo-loader";

    private static final Logger log = LoggerFactory.getLogger(DemoConclusions.class);
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private final Conclusions conclusions;

    DemoConclusions(Conclusions conclusions) {
        this.conclusions = conclusions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        load();
    }

    /** Posts every demo revision not yet held; returns how many were posted. */
    int load() {
        int posted = 0;
        for (String file : FILES) {
            JsonNode document = YAML.readTree(read(file));
            String conferenceId = document.get("conferenceId").asString();
            int inFile = 0;
            for (JsonNode entry : document.get("conclusions")) {
                String sessionId = ProgrammeSession.idFor(conferenceId, entry.get("session").asString());
                long revision = 0;
                for (JsonNode body : entry.get("revisions")) {
                    revision++;
                    if (conclusions.seed(sessionId, revision, ConclusionsForm.read(body), POSTER)) {
                        inFile++;
                    }
                }
            }
            log.info("Demo conclusions of {}: {}", conferenceId,
                    inFile == 0 ? "already up to date" : inFile + " revisions posted");
            posted += inFile;
        }
        return posted;
    }

    private static byte[] read(String resource) {
        try (InputStream in = DemoConclusions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo conclusions " + resource + " are not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
