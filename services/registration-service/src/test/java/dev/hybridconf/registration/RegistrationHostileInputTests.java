package dev.hybridconf.registration;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.hostile.HostileInputContract;

/**
 * Every endpoint of the registration service (the demo ones included) meets the hostile-input corpus
 * in its path, query, headers and body: never a 5xx, every refusal problem details, nothing written
 * by a refused request.
 */
// The offer sweep is a background writer (it offers free places to people an organiser waitlisted, and
// their messages follow): kept out of this test, which checks what each request writes, not the sweep.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "platform.identity.demo-sign-in=true",
        "platform.registration.offer-sweep-interval=1h" })
@PlatformInfrastructure
@Import(TestConferences.Published.class)
class RegistrationHostileInputTests extends HostileInputContract {

    @LocalServerPort
    int servicePort;

    @Autowired
    TokenIssuer tokens;

    private String registrationId;

    @BeforeAll
    void aRegistrationToAimAt() {
        registrationId = new RegistrationHttp(servicePort, tokens).register("p." + UUID.randomUUID() + "@example.org",
                "Lucía Fernández", "REMOTE", "es");
    }

    @Override
    protected String token() {
        return tokens.issue(registrationId, List.of("participant", "moderator", "rapporteur", "streaming-staff",
                "interpreter", "organiser"), "en");
    }

    @Override
    protected Map<String, String> pathSamples() {
        return Map.of("id", registrationId, "topic", "session.events", "partition", "0", "offset", "0");
    }

    @Override
    protected Map<String, String> exampleQueries() {
        String conference = "conference=" + TestConferences.CONFERENCE;
        return Map.of("POST /api/registrations/imports", "kind=registrations&" + conference,
                "GET /api/registrations", conference + "&status=PENDING&q=lucia",
                "GET /api/registrations/counts", conference + "&mode=REMOTE",
                "GET /api/registrations/export.csv", conference + "&language=es",
                "GET /api/registrations/capacity", conference,
                "GET /api/registrations/settings", conference,
                "GET /api/registrations/invitations", conference + "&page=0&size=10");
    }

    @Override
    protected Map<String, Body> exampleBodies() {
        return Map.ofEntries(
                Map.entry("POST /api/registrations", Body.json(RegistrationHttp.form("hostile." + UUID.randomUUID()
                        + "@example.org", "IN_PERSON", "fr", """
                        "interpretationNeeded":true,"interpretationLanguage":"en","accessibilityNeeds":"Step-free access",
                        "timeZone":"Africa/Dakar","sponsorshipRequested":true,"sponsorshipJustification":"Travel from Dakar",
                        "invitationCode":"abc\""""))),
                Map.entry("POST /api/registrations/reminders", Body.json("{\"email\":\"someone@example.org\","
                        + "\"conferenceId\":\"" + TestConferences.CONFERENCE + "\"}")),
                Map.entry("POST /api/registrations/access-tokens", Body.json("{\"code\":\"0123456789abcdef\"}")),
                Map.entry("POST /api/registrations/operations/dead-letters/{topic}/replay", Body.json("{\"records\":[{\"partition\":0,\"offset\":0}]}")),
                Map.entry("POST /api/registrations/bulk",
                        Body.json("{\"action\":\"WAITLIST\",\"ids\":[\"" + registrationId + "\"]}")),
                Map.entry("POST /api/registrations/{id}/sponsorship", Body.json("{\"decision\":\"GRANTED\"}")),
                Map.entry("PUT /api/registrations/{id}/roles", Body.json("{\"roles\":[\"participant\",\"moderator\"]}")),
                Map.entry("PATCH /api/registrations/me", Body.json("""
                        {"attendanceMode":"REMOTE","preferredLanguage":"fr","interpretationNeeded":true,
                         "interpretationLanguage":"es","accessibilityNeeds":"Captions","timeZone":"America/Bogota"}""")),
                Map.entry("POST /api/registrations/invitations", Body.json("""
                        {"conferenceId":"%s","email":"invitee@example.org","roles":["participant","moderator"],
                         "skipReview":false,"language":"fr"}""".formatted(TestConferences.CONFERENCE))),
                Map.entry("POST /api/registrations/imports", Body.of("text/csv; charset=UTF-8", """
                        fullName,email,organisation,position,city,country,attendanceMode,preferredLanguage
                        Kwame Mensah,kwame@example.org,City of Accra,Mayor,Accra,GH,REMOTE,en
                        """)));
    }
}
