package dev.hybridconf.registration.notification;

import java.util.Objects;

/** Where rendered messages leave the service: an external mail system, like Zoom is for streaming. */
public interface MailPort {

    /**
     * Hands the message over for delivery; returns normally only once the transport accepted it.
     *
     * @throws RuntimeException when the transport refused or could not be reached (the event is retried)
     */
    void send(Message message);

    /** One plain-text message to one participant, in their language ({@code en}, {@code fr} or {@code es}). */
    record Message(String to, String subject, String body, String language) {

        public Message {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(language, "language");
        }

        /** The part of the address after the {@code @}: all that may appear in logs. */
        public String recipientDomain() {
            int at = to.lastIndexOf('@');
            return at < 0 ? "?" : to.substring(at + 1);
        }

        @Override
        public String toString() {
            // Never print the address or the body (it may hold an access link).
            return "Message[to=*@" + recipientDomain() + ", subject=" + subject + ", bodyLength=" + body.length()
                    + ", language=" + language + "]";
        }
    }
}
