package dev.hybridconf.session.programme;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import dev.hybridconf.kit.errors.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a programme file, YAML or JSON by its media type, into a tree; a key given twice is an error. */
final class ProgrammeFiles {

    private static final Set<String> YAML = Set.of("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml");

    private static final ObjectMapper YAML_MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper JSON_MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private ProgrammeFiles() {
    }

    static JsonNode read(byte[] body, String contentType) {
        String type = type(contentType);
        boolean yaml = YAML.contains(type);
        boolean json = "application/json".equals(type) || type.endsWith("+json");
        if (!yaml && !json) {
            throw new UnsupportedProgrammeType();
        }
        if (body == null || body.length == 0) {
            throw ProgrammeInvalidException.file(List.of(ProgrammeProblem.of("(file)", "programme.file.empty")));
        }
        try {
            return (yaml ? YAML_MAPPER : JSON_MAPPER).readTree(body);
        } catch (JacksonException e) {
            var location = e.getLocation();
            throw ProgrammeInvalidException.file(List.of(ProgrammeProblem.of("(file)", "programme.file.unreadable",
                    yaml ? "YAML" : "JSON", location == null ? 0 : location.getLineNr(),
                    location == null ? 0 : location.getColumnNr())));
        }
    }

    /** Loads a YAML resource the service ships (the demo programmes). */
    static JsonNode readYaml(byte[] body) {
        return read(body, "application/yaml");
    }

    private static String type(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "";
        }
        try {
            MediaType media = MediaType.parseMediaType(contentType);
            return media.getType() + "/" + media.getSubtype();
        } catch (InvalidMediaTypeException e) {
            return "";
        }
    }

    /** Neither YAML nor JSON: 415. */
    static final class UnsupportedProgrammeType extends ProblemException {

        UnsupportedProgrammeType() {
            super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "programme.import.media-type");
        }
    }
}
