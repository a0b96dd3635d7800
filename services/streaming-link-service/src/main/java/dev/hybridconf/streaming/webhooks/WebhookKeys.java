package dev.hybridconf.streaming.webhooks;

import org.springframework.stereotype.Component;

import dev.hybridconf.streaming.catalog.StreamingKeys;

/**
 * The webhook part's own Redis keys, next to those of {@link StreamingKeys} (attendance, meeting, registrant ids).
 */
@Component
class WebhookKeys {

    private final StreamingKeys keys;

    WebhookKeys(StreamingKeys keys) {
        this.keys = keys;
    }

    StreamingKeys streaming() {
        return keys;
    }

    /** String with a TTL: a signature already accepted (a captured request sent again). */
    String seenSignature(String signature) {
        return keys.space().key("webhook", "signature", signature);
    }

    /** String with a TTL: an event (SHA-256 of the raw body) already handed to Kafka. */
    String seenEvent(String bodyHash) {
        return keys.space().key("webhook", "event", bodyHash);
    }

    /** Hash: Zoom participant uuid (or user id) to the JSON of an attendance without registrant (hosts, interpreters). */
    String anonymousAttendance(String sessionId) {
        return keys.space().key("attendance-anonymous", sessionId);
    }
}
