/**
 * Participant notifications: the messages a participant receives about their registration, in
 * their preferred language (English, French or Spanish), handed to a {@link MailPort}.
 *
 * <p>{@link RegistrationNotifier} consumes the service's own {@code registration.events}. For each
 * submitted, approved, waitlisted, rejected or cancelled event it reads the registration's name,
 * e-mail and language from Redis, renders the matching {@link Notice} with
 * {@link NotificationTemplates} and sends it. Events of other types are ignored; a registration
 * whose hash is gone (erased) gets nothing.
 *
 * <p><b>Delivery guarantee: at least once.</b> Sending mail cannot take part in a Redis Lua step, so
 * the send and the "already notified" marker cannot be written together. This package sends first
 * and writes the marker ({@code onlyOnce("notify:" + event id)}: the listener's position and its own
 * marker) only after the mail port returned normally. A redelivered event that was notified
 * ({@code RedisStore.alreadyApplied}) sends nothing. If the
 * process dies, or Redis fails, between the send and the marker, the redelivery sends the message
 * a second time: a participant may rarely receive a duplicate, but never silently misses an
 * approval and its access link. (Marking first would give at most once: a crash after the mark
 * would lose the message for good.) A failing send throws, so the container's error handler retries
 * it: for ever with back-off when the mail server cannot be reached (a transient failure), a few times
 * and then to the dead-letter topic otherwise; each retry of an approval issues a fresh access link.
 *
 * <p>Transports: {@link LoggingMailPort} by default (logs only the recipient's domain, the subject
 * and the body length, never the address or the body with its access link) and
 * {@link SmtpMailPort} when {@code platform.notifications.transport=smtp}, configured by Spring
 * Boot's {@code spring.mail.*} properties.
 */
package dev.hybridconf.registration.notification;
