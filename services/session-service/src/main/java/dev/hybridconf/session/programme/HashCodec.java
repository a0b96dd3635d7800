package dev.hybridconf.session.programme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** How programme values sit in Redis hash fields: plain strings, comma lists, and JSON for texts and lists of names. */
final class HashCodec {

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Hash fields cannot hold null: an absent optional value is the empty string. */
    static final String NONE = "";

    private HashCodec() {
    }

    static String texts(Map<String, String> texts) {
        return JSON.writeValueAsString(texts);
    }

    static Map<String, String> texts(String stored) {
        if (stored == null || stored.isEmpty()) {
            return Map.of();
        }
        return Languages.ordered(JSON.readValue(stored, new TypeReference<LinkedHashMap<String, String>>() {
        }));
    }

    static String names(List<String> names) {
        return JSON.writeValueAsString(names);
    }

    static List<String> names(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return List.copyOf(JSON.readValue(stored, new TypeReference<ArrayList<String>>() {
        }));
    }

    /** Codes and ids, which never contain commas. */
    static String codes(List<String> codes) {
        return String.join(",", codes);
    }

    static List<String> codes(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split(","));
    }

    static String optional(String value) {
        return value == null ? NONE : value;
    }

    static String field(Map<String, String> hash, String name) {
        String value = hash.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
