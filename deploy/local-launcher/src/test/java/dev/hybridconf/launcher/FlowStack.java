package dev.hybridconf.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack the end-to-end flow tests share: started once per test JVM by the first class that asks (starting
 * it takes a minute and a half), stopped when the JVM exits. Each test makes its own registrations, so the classes
 * need no order. Also what those tests do as people do: invite, and read the access link from the demo mailbox.
 */
final class FlowStack {

    static final Duration EVENTUALLY = Duration.ofSeconds(90);

    private static FlowStack shared;

    final LocalStack stack;
    final Http gateway;
    final String organiser;

    private FlowStack(LocalStack stack) {
        this.stack = stack;
        this.gateway = new Http(stack.gatewayUrl());
        this.organiser = stack.demoTokens().get("organiser");
        assertThat(organiser).as("organiser demo token").isNotBlank();
    }

    static synchronized FlowStack get() {
        if (shared == null) {
            Path root = LocalLauncher.Options.findRoot(Path.of("")).orElseThrow();
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("flow-stack");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Class data archives outlive the data directory, so the next build starts faster.
            StackConfig config = StackConfig.builder(root).dataDir(dataDir).freePorts()
                    .cacheDir(Path.of("target", "local-stack-cache")).healthTimeout(Duration.ofSeconds(180)).build();
            LocalStack stack = new LocalStack(config, message -> System.out.println("[stack] " + message));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.stop();
                delete(dataDir);
            }, "flow-stack-stop"));
            stack.start();
            shared = new FlowStack(stack);
        }
        return shared;
    }

    /** An organiser's invitation to {@code conference} for {@code email}, with those roles (none: the default); its code. */
    String invite(String conference, String email, List<String> roles, boolean skipReview) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("conferenceId", conference);
        request.put("email", email);
        if (!roles.isEmpty()) {
            request.put("roles", roles);
        }
        request.put("skipReview", skipReview);
        request.put("language", "fr");
        Http.Answer invited = gateway.post("/api/registrations/invitations",
                JsonMapper.shared().writeValueAsString(request), organiser);
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        return invited.json().path("code").asString();
    }

    /**
     * Waits for an approval in the registration service's demo mailbox and returns the access code of the newest
     * message that carries one (a person registered for several conferences also gets their other messages).
     */
    String accessCodeMailedTo(String email) {
        Http mailbox = new Http(stack.url(App.REGISTRATION.name()));
        String path = "/internal/demo-mailbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
        Pattern access = Pattern.compile("\\?access=([A-Za-z0-9_-]{20,})");
        String[] code = new String[1];
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Http.Answer box = mailbox.get(path, null);
            assertThat(box.status()).as(box.body()).isEqualTo(200);
            code[0] = null;
            for (JsonNode message : box.json().path("messages")) {
                Matcher link = access.matcher(message.path("body").asString(""));
                if (code[0] == null && link.find()) {
                    code[0] = link.group(1);
                }
            }
            assertThat(code[0]).as("a message with the access link: " + box.body()).isNotNull();
        });
        return code[0];
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("[stack] could not delete " + dir + ": " + e.getMessage());
        }
    }
}
