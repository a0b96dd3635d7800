package dev.hybridconf.zoomemulator.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One webhook event and its delivery to each target URL. The body is fixed once the event exists: every attempt
 * sends the same bytes (with a fresh timestamp and signature).
 */
public final class WebhookEvent {

    /** Where one delivery stands. */
    public enum State {
        PENDING, DELIVERED, FAILED
    }

    /**
     * One attempt at one URL.
     *
     * @param attempt 1 for the first, then each retry; resends by the admin API count on
     * @param at when it was sent (real clock)
     * @param timestamp the {@code x-zm-request-timestamp} it carried
     * @param status the platform's HTTP status, or {@code null} when there was none
     * @param latencyMillis how long the platform took to answer (or to fail)
     * @param error why there was no answer, if there was none
     * @param manual whether the admin API asked for it (a resend), rather than the delivery schedule
     */
    public record Attempt(int attempt, Instant at, long timestamp, Integer status, long latencyMillis, String error,
            boolean manual) {

        /** Zoom counts a delivery as done when the endpoint answers 200 or 204. */
        public boolean succeeded() {
            return status != null && (status == 200 || status == 204);
        }
    }

    /** The delivery of this event to one URL. */
    public static final class Delivery {

        private final String url;
        private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
        private volatile State state = State.PENDING;

        Delivery(String url) {
            this.url = url;
        }

        public String url() {
            return url;
        }

        public State state() {
            return state;
        }

        public List<Attempt> attempts() {
            return List.copyOf(attempts);
        }

        void record(Attempt attempt, State next) {
            attempts.add(attempt);
            if (next != null) {
                state = next;
            }
        }

        int nextAttemptNumber() {
            return attempts.size() + 1;
        }
    }

    private final String id;
    private final String event;
    private final Long meetingId;
    private final Instant createdAt;
    private final String body;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookEvent(String id, String event, Long meetingId, Instant createdAt, String body) {
        this.id = id;
        this.event = event;
        this.meetingId = meetingId;
        this.createdAt = createdAt;
        this.body = body;
    }

    /** Also sent as {@code x-zm-trackingid}, so a platform can recognise a retried event. */
    public String id() {
        return id;
    }

    public String event() {
        return event;
    }

    public Long meetingId() {
        return meetingId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The exact bytes sent (UTF-8), as a string. */
    public String body() {
        return body;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    Delivery addDelivery(String url) {
        Delivery delivery = new Delivery(url);
        deliveries.add(delivery);
        return delivery;
    }
}
