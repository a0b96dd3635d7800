package dev.hybridconf.registration.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.registration.TestConferences;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.registration.RegistrationHttp;
import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;

/** Without demo sign-in (the default everywhere but the local stack) there is no demo mailbox at all. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
@Import(TestConferences.Published.class)
class DemoMailboxOffTests {

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    RedisStore store;

    @Autowired
    TopicNames topics;

    @Test
    void theMailboxIsNotFoundAndNoMessageIsKept() {
        RegistrationHttp api = new RegistrationHttp(port, tokens);
        String email = "private." + UUID.randomUUID() + "@lima.gob.pe";
        String id = api.register(email, "Rosa Quispe", "REMOTE", "es");
        // The submitted event has been published and the notifier has handled it.
        KafkaProbe.shared().eventOfType(topics.physical("registration.events"), id, "registration.submitted.v1",
                Duration.ofSeconds(30));
        String group = topics.group("registration-service");
        await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaProbe.shared().lag(group, topics.physical("registration.events")) == 0);

        HttpResponse<String> answer = api.get("/internal/demo-mailbox?to=" + email, null);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(store.redis().keys(store.keys().key("demo-mailbox", "*"))).isEmpty();
    }
}
