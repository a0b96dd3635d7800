package dev.hybridconf.rapporteur.reading;

import java.time.LocalDate;

import org.springframework.web.util.UriUtils;

import dev.hybridconf.kit.web.PublicBaseUrl;

/** The public addresses of what readers read, through the gateway ({@link PublicBaseUrl}), never from the request. */
final class ReadingLinks {

    private static final String BASE = "/api/rapporteur/conferences/";

    private ReadingLinks() {
    }

    static String page(PublicBaseUrl links, String conferenceId, LocalDate day, String language, Integer version) {
        return links.resolve(BASE + segment(conferenceId) + "/days/" + day + "/summary/published?lang=" + language
                + (version == null ? "" : "&version=" + version));
    }

    static String feed(PublicBaseUrl links, String conferenceId, String language) {
        return links.resolve(BASE + segment(conferenceId) + "/summaries.atom?lang=" + language);
    }

    static String dayChart(PublicBaseUrl links, String conferenceId, LocalDate day, String language) {
        return links.resolve(BASE + segment(conferenceId) + "/days/" + day + "/themes.svg?lang=" + language);
    }

    static String conferenceChart(PublicBaseUrl links, String conferenceId, String language) {
        return links.resolve(BASE + segment(conferenceId) + "/themes.svg?lang=" + language);
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
