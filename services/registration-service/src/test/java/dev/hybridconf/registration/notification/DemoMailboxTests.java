package dev.hybridconf.registration.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.registration.TestConferences;
import dev.hybridconf.registration.RegistrationHttp;
import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * With demo sign-in on, the messages a participant is sent can be read back from the demo mailbox,
 * newest first (real HTTP, real Kafka and Redis, the default logging transport).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "platform.identity.demo-sign-in=true")
@PlatformInfrastructure
@ExtendWith(OutputCaptureExtension.class)
@Import(TestConferences.Published.class)
class DemoMailboxTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Pattern ACCESS = Pattern.compile("\\?access=([A-Za-z0-9_-]{20,})");

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    MailPort mail;

    private RegistrationHttp api;

    @BeforeEach
    void client() {
        api = new RegistrationHttp(port, tokens);
    }

    @Test
    void theReceivedMessageThenTheApprovalWithItsAccessLinkAppearNewestFirstAndTheLinkIsNeverLogged(
            CapturedOutput output) {
        String email = "Nadia." + UUID.randomUUID() + "@rabat.ma";
        Instant before = Instant.now();
        String id = api.register(email, "Nadia Benali", "IN_PERSON", "en");

        await().atMost(DEADLINE).until(() -> messages(email).size() == 1);
        JsonNode received = messages(email).get(0);
        assertThat(received.get("to").asString()).isEqualToIgnoringCase(email);
        assertThat(received.get("language").asString()).isEqualTo("en");
        assertThat(received.get("subject").asString()).containsIgnoringCase("received");
        assertThat(received.get("body").asString()).contains("Nadia Benali");
        assertThat(Instant.parse(received.get("sentAt").asString())).isAfterOrEqualTo(before.minusSeconds(1));

        assertThat(api.review(id, "approve", api.organiser()).statusCode()).isEqualTo(200);

        await().atMost(DEADLINE).until(() -> messages(email).size() == 2);
        JsonNode approval = messages(email.toUpperCase()).get(0);
        Matcher link = ACCESS.matcher(approval.get("body").asString());
        assertThat(link.find()).as("the newest message is the approval with its access link").isTrue();
        assertThat(messages(email).get(1).get("subject").asString()).isEqualTo(received.get("subject").asString());
        assertThat(output.getAll()).as("the log line of the default transport").contains("Mail not sent (transport=log)")
                .doesNotContain(link.group(1)).doesNotContainIgnoringCase(email);
    }

    @Test
    void eachAddressKeepsOnlyItsLatestMessages() {
        String email = "busy." + UUID.randomUUID() + "@quito.gob.ec";
        for (int i = 1; i <= DemoMailbox.KEPT + 5; i++) {
            mail.send(new MailPort.Message(email, "Message " + i, "Body " + i, "es"));
        }

        JsonNode kept = messages(email);

        assertThat(kept).hasSize(DemoMailbox.KEPT);
        assertThat(kept.get(0).get("subject").asString()).isEqualTo("Message " + (DemoMailbox.KEPT + 5));
        assertThat(kept.get(DemoMailbox.KEPT - 1).get("subject").asString()).isEqualTo("Message 6");
        assertThat(messages("nobody." + UUID.randomUUID() + "@quito.gob.ec")).isEmpty();
    }

    @Test
    void anAddressIsRequired() {
        HttpResponse<String> missing = api.get("/internal/demo-mailbox", null);

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("problems/validation").contains("\"to\"");
    }

    private JsonNode messages(String address) {
        HttpResponse<String> answer = api.get("/internal/demo-mailbox?to="
                + URLEncoder.encode(address, StandardCharsets.UTF_8), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return api.json(answer).get("messages");
    }
}
