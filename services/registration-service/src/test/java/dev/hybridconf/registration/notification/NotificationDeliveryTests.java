package dev.hybridconf.registration.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import dev.hybridconf.registration.TestConferences;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.registration.RegistrationHttp;
import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.ObjectMapper;

/**
 * Participants are told about their registration in their language, on a real Kafka and Redis.
 * Mail is an external system: a test-only {@link MailPort} records what would have been sent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
@Import({NotificationDeliveryTests.Recording.class, TestConferences.Published.class})
class NotificationDeliveryTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    TopicNames topics;

    @Autowired
    RecordingMailPort mail;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSpanishSpeakerIsToldOfReceiptThenApprovalWithAnAccessLinkAndARedeliveryIsNotSentAgain() throws Exception {
        String email = "lucia." + UUID.randomUUID() + "@montevideo.gub.uy";
        String id = register(email, "es");

        await().atMost(DEADLINE).until(() -> mail.to(email).size() == 1);
        MailPort.Message received = mail.to(email).get(0);
        assertThat(received.language()).isEqualTo("es");
        assertThat(received.subject()).startsWith("Hemos recibido su inscripción");
        assertThat(received.body()).as("the registration's own conference, named in the reader's language")
                .contains("Estimado/a Lucía Fernández:", "Conferencia " + TestConferences.CONFERENCE, "no reserve viajes")
                .doesNotContain("Local Action");

        assertThat(approve(id).statusCode()).isEqualTo(200);

        await().atMost(DEADLINE).until(() -> mail.to(email).size() == 2);
        MailPort.Message approved = mail.to(email).get(1);
        assertThat(approved.subject()).startsWith("Su inscripción ha sido aprobada");
        assertThat(approved.body()).containsPattern("Su enlace de acceso personal: https?://\\S+\\?access=[A-Za-z0-9_-]{20,}\n")
                .doesNotContain("{");

        // The same CloudEvent again, as after a rebalance or a producer retry: nothing more is sent.
        String topic = topics.physical("registration.events");
        KafkaProbe.shared().send(topic, id, eventOfType(id, "registration.approved.v1"));
        awaitNoLag(topic);
        assertThat(mail.to(email)).hasSize(2);
    }

    @Test
    void aFailedSendIsRetriedUntilTheMailIsAccepted() throws Exception {
        String email = "flaky." + UUID.randomUUID() + "@lyon.fr";
        mail.failOnceFor(email);

        register(email, "fr");

        await().atMost(DEADLINE).until(() -> mail.to(email).size() == 1);
        assertThat(mail.to(email).get(0).subject()).startsWith("Nous avons bien reçu votre inscription");
        assertThat(mail.failures(email)).isEqualTo(1);
        awaitNoLag(topics.physical("registration.events"));
        assertThat(mail.to(email)).hasSize(1);
    }

    @Test
    void anEventForAnErasedRegistrationSendsNothing() throws Exception {
        String email = "gone." + UUID.randomUUID() + "@nairobi.go.ke";
        String id = register(email, "en");
        await().atMost(DEADLINE).until(() -> mail.to(email).size() == 1);
        String submitted = eventOfType(id, "registration.submitted.v1");
        String unknownId = UUID.randomUUID().toString();
        String orphan = json.readTree(submitted).toString()
                .replace(id, unknownId)
                .replaceFirst("\"id\":\"[0-9a-f-]{36}\"", "\"id\":\"" + UUID.randomUUID() + "\"");

        String topic = topics.physical("registration.events");
        KafkaProbe.shared().send(topic, unknownId, orphan);
        awaitNoLag(topic);

        assertThat(mail.all()).noneMatch(m -> m.body().contains(unknownId));
        assertThat(mail.to(email)).hasSize(1);
    }

    @Test
    void anInviteeIsMailedInTheInvitationsLanguageAndTheMailedLinkRegistersThem() throws Exception {
        RegistrationHttp api = new RegistrationHttp(port, tokens);
        String email = "invitee." + UUID.randomUUID() + "@abidjan.ci";
        HttpResponse<String> invited = api.sendJson("POST", "/api/registrations/invitations", api.organiser(),
                "{\"conferenceId\":\"" + TestConferences.CONFERENCE + "\",\"email\":\"" + email
                        + "\",\"language\":\"fr\"}");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        EventSchemaAssertions.assertValidEvent(KafkaProbe.shared().eventOfType(topics.physical("registration.events"),
                api.json(invited).get("invitation").get("id").asString(), "invitation.issued.v1", DEADLINE));

        await().atMost(DEADLINE).until(() -> mail.to(email).size() == 1);
        MailPort.Message invitation = mail.to(email).get(0);
        assertThat(invitation.subject()).startsWith("Vous êtes invité(e) à Conférence " + TestConferences.CONFERENCE);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("\\?invitation=([A-Za-z0-9_-]{20,})&lang=fr")
                .matcher(invitation.body());
        assertThat(link.find()).as(invitation.body()).isTrue();
        assertThat(link.group(1)).as("the mail carries its own code, not the organiser's copy")
                .isNotEqualTo(api.json(invited).get("code").asString());

        HttpResponse<String> registered = api.submit(RegistrationHttp.form(email, "REMOTE", "fr",
                "\"invitationCode\":\"" + link.group(1) + "\""));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(api.submit(RegistrationHttp.form("other." + email, "REMOTE", "fr",
                "\"invitationCode\":\"" + api.json(invited).get("code").asString() + "\"")).statusCode())
                .as("whichever code is used first spends the invitation").isEqualTo(422);
    }

    @Test
    void someoneWhoLostTheirLinkGetsTheirMessageAgainWithAFreshLinkAndNobodyLearnsWhoIsRegistered() throws Exception {
        RegistrationHttp api = new RegistrationHttp(port, tokens);
        String email = "lost.link." + UUID.randomUUID() + "@medellin.gov.co";
        String id = register(email, "es");
        assertThat(approve(id).statusCode()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> mail.to(email).size() == 2);
        String firstLink = link(mail.to(email).get(1).body());

        HttpResponse<String> asked = api.sendJson("POST", "/api/registrations/reminders", null,
                "{\"email\":\"" + email.toUpperCase(java.util.Locale.ROOT) + "\"}");
        HttpResponse<String> unknown = api.sendJson("POST", "/api/registrations/reminders", null,
                "{\"email\":\"nobody." + UUID.randomUUID() + "@medellin.gov.co\"}");

        assertThat(asked.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).as("the same answer whether or not the address is registered").isEqualTo(asked.body());
        await().atMost(DEADLINE).until(() -> mail.to(email).size() == 3);
        MailPort.Message again = mail.to(email).get(2);
        assertThat(again.subject()).startsWith("Su inscripción ha sido aprobada");
        String freshLink = link(again.body());
        assertThat(freshLink).isNotEqualTo(firstLink);
        EventSchemaAssertions.assertValidEvent(eventOfType(id, "registration.reminder-requested.v1"));

        // Asking again at once sends nothing more: one reminder per five minutes.
        assertThat(api.sendJson("POST", "/api/registrations/reminders", null, "{\"email\":\"" + email + "\"}")
                .statusCode()).isEqualTo(202);
        awaitNoLag(topics.physical("registration.events"));
        assertThat(mail.to(email)).hasSize(3);
        assertThat(api.sendJson("POST", "/api/registrations/reminders", null, "{\"email\":\"not-an-address\"}")
                .statusCode()).isEqualTo(400);
    }

    private static String link(String body) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\?access=([A-Za-z0-9_-]{20,})").matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    private void awaitNoLag(String topic) {
        String group = topics.group("registration-service");
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> KafkaProbe.shared().lag(group, topic) == 0);
    }

    private String register(String email, String language) {
        return new RegistrationHttp(port, tokens).register(email, "Lucía Fernández", "REMOTE", language);
    }

    private HttpResponse<String> approve(String id) {
        RegistrationHttp api = new RegistrationHttp(port, tokens);
        return api.review(id, "approve", api.organiser());
    }

    private String eventOfType(String id, String type) {
        return KafkaProbe.shared().eventOfType(topics.physical("registration.events"), id, type, DEADLINE);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {

        @Bean
        @Primary
        RecordingMailPort recordingMailPort() {
            return new RecordingMailPort();
        }
    }

    /** Records what would have been mailed; can refuse the first send to an address, like a busy server. */
    static class RecordingMailPort implements MailPort {

        private final List<Message> sent = new CopyOnWriteArrayList<>();
        private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
        private final ConcurrentHashMap<String, Integer> failures = new ConcurrentHashMap<>();

        @Override
        public void send(Message message) {
            if (failOnce.remove(message.to())) {
                failures.merge(message.to(), 1, Integer::sum);
                throw new IllegalStateException("mail server unavailable");
            }
            sent.add(message);
        }

        void failOnceFor(String address) {
            failOnce.add(address);
        }

        int failures(String address) {
            return failures.getOrDefault(address, 0);
        }

        List<Message> to(String address) {
            return sent.stream().filter(m -> m.to().equals(address)).toList();
        }

        List<Message> all() {
            return List.copyOf(sent);
        }
    }
}
