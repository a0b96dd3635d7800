package dev.hybridconf.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/** Publishes the conferences the participant tests register people for, as an organiser would. */
final class Conferences {

    private Conferences() {
    }

    /** Creates conference {@code id} unless it exists already (each test JVM shares one Redis per test class). */
    static void ensure(MockMvc mvc, String id) throws Exception {
        int status = mvc.perform(post("/api/sessions/conferences")
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_organiser")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"id": "%s", "name": {"en": "Local Action", "fr": "Action locale", "es": "Acción local"},
                         "timeZone": "Europe/Madrid", "languages": ["en", "fr", "es"], "startDate": "2026-06-01",
                         "endDate": "2026-06-02", "invitationOnly": false}""".formatted(id)))
                .andReturn().getResponse().getStatus();
        assertThat(status).as("conference %s", id).isIn(201, 409);
    }
}
