package dev.hybridconf.registration.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.redis.RedisStore;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.ObjectMapper;

/**
 * The local stack's mailbox: with demo sign-in on, every message handed to the mail port is also
 * kept here, so that someone walking through the platform by hand can read the approval and open its
 * access link without a mail server. Exists only when {@code platform.identity.demo-sign-in} is true.
 *
 * <p>Per recipient address (compared case-insensitively) a Redis list
 * {@code demo-mailbox:<address>} holds the last {@value #KEPT} messages, newest first, and expires
 * {@code KEEP_FOR} after the latest one. The bodies hold access links: that is the point of a demo
 * mailbox, and the reason it never exists outside demo mode.
 */
@Component
@ConditionalOnProperty(name = "platform.identity.demo-sign-in", havingValue = "true")
class DemoMailbox {

    static final int KEPT = 20;
    static final Duration KEEP_FOR = Duration.ofDays(7);

    private static final String KEEP = """
            redis.call('LPUSH', KEYS[1], ARGV[1])
            redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """;

    /** One kept message. */
    record DemoMail(String to, String subject, String body, String language, Instant sentAt) {
    }

    private final RedisStore store;
    private final ObjectMapper json;
    private final Clock clock;

    DemoMailbox(RedisStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps the message in its recipient's box, dropping the oldest beyond {@value #KEPT}, in one step. */
    void keep(MailPort.Message message) {
        DemoMail mail = new DemoMail(message.to(), message.subject(), message.body(), message.language(),
                clock.instant());
        redis().eval(KEEP, List.of(key(message.to())),
                List.of(json.writeValueAsString(mail), Integer.toString(KEPT), Long.toString(KEEP_FOR.toMillis())));
    }

    /** The messages kept for the address, newest first. */
    List<DemoMail> to(String address) {
        return redis().lrange(key(address), 0, -1).stream()
                .map(stored -> json.readValue(stored, DemoMail.class))
                .toList();
    }

    /** A mail port that hands the message to {@code transport} and, once it has accepted it, keeps it here. */
    MailPort around(MailPort transport) {
        return message -> {
            transport.send(message);
            keep(message);
        };
    }

    private UnifiedJedis redis() {
        return store.redis();
    }

    private String key(String address) {
        return store.keys().key("demo-mailbox", address.trim().toLowerCase(Locale.ROOT));
    }
}
