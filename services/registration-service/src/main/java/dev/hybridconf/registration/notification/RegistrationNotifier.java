package dev.hybridconf.registration.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.registration.InvitationIssued;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationCancelled;
import dev.hybridconf.contracts.registration.RegistrationOfferExpired;
import dev.hybridconf.contracts.registration.RegistrationOfferMade;
import dev.hybridconf.contracts.registration.RegistrationRejected;
import dev.hybridconf.contracts.registration.RegistrationReminderRequested;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.contracts.registration.RegistrationWaitlisted;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.registration.conference.ConferenceCopy;
import dev.hybridconf.registration.identity.AccessLinks;
import dev.hybridconf.registration.workflow.InvitationMail;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Tells participants what happened to their registration. At least once per event: the
 * "notified" marker is written only after the mail port accepted the message (see package-info).
 */
@Component
class RegistrationNotifier {

    /** How long a notified event id is remembered; far longer than any redelivery or relay retry. */
    static final Duration REMEMBER_EVENTS = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(RegistrationNotifier.class);

    private final RedisStore store;
    private final Recipients recipients;
    private final NotificationTemplates templates;
    private final MailPort mail;
    private final AccessLinks accessLinks;
    private final EventCodec codec;
    private final NotificationProperties properties;
    private final MeterRegistry meters;
    private final InvitationMail invitations;
    private final ConferenceCopy conferences;

    RegistrationNotifier(RedisStore store, Recipients recipients, NotificationTemplates templates, MailPort mail,
            AccessLinks accessLinks, EventCodec codec, NotificationProperties properties, MeterRegistry meters,
            InvitationMail invitations, ConferenceCopy conferences) {
        this.invitations = invitations;
        this.conferences = conferences;
        this.store = store;
        this.recipients = recipients;
        this.templates = templates;
        this.mail = mail;
        this.accessLinks = accessLinks;
        this.codec = codec;
        this.properties = properties;
        this.meters = meters;
    }

    @KafkaListener(id = "notifications", idIsGroup = false, topics = "#{@topicNames.physical('registration.events')}")
    void on(CloudEvent event) {
        String outcome = switch (event.type()) {
            case RegistrationSubmitted.TYPE ->
                notify(event, Notice.RECEIVED, codec.payload(event, RegistrationSubmitted.class).registrationId());
            case RegistrationApproved.TYPE ->
                notify(event, Notice.APPROVED, codec.payload(event, RegistrationApproved.class).registrationId());
            case RegistrationWaitlisted.TYPE ->
                notify(event, Notice.WAITLISTED, codec.payload(event, RegistrationWaitlisted.class).registrationId());
            case RegistrationRejected.TYPE ->
                notify(event, Notice.REJECTED, codec.payload(event, RegistrationRejected.class).registrationId());
            case RegistrationCancelled.TYPE ->
                notify(event, Notice.CANCELLED, codec.payload(event, RegistrationCancelled.class).registrationId());
            case RegistrationOfferMade.TYPE -> {
                RegistrationOfferMade offer = codec.payload(event, RegistrationOfferMade.class);
                yield notify(event, Notice.OFFER, offer.registrationId(), offer.replyBy());
            }
            case RegistrationOfferExpired.TYPE ->
                notify(event, Notice.OFFER_EXPIRED, codec.payload(event, RegistrationOfferExpired.class).registrationId());
            case InvitationIssued.TYPE -> invite(event, codec.payload(event, InvitationIssued.class));
            case RegistrationReminderRequested.TYPE ->
                remind(event, codec.payload(event, RegistrationReminderRequested.class).registrationId());
            default -> "skipped";
        };
        meters.counter("notifications.events", "type", event.type(), "outcome", outcome).increment();
    }

    /** Mails an invitation with a fresh personal link, unless it was used or revoked meanwhile. */
    private String invite(CloudEvent event, InvitationIssued issued) {
        String marker = "notify:" + event.id();
        if (store.alreadyApplied(marker)) {
            return "duplicate";
        }
        Optional<InvitationMail.Letter> letter = invitations.letter(issued.invitationId());
        if (letter.isEmpty()) {
            log.info("No invitation mail for {}: it was used, revoked or erased", issued.invitationId());
            return "erased";
        }
        String language = NotificationTemplates.supported(letter.get().language());
        NotificationTemplates.Rendered rendered = templates.render(Notice.INVITATION, language,
                Map.of("conference", conferenceName(letter.get().conferenceId(), language), "link",
                        letter.get().link().toString()));
        mail.send(new MailPort.Message(letter.get().email(), rendered.subject(), rendered.body(), language));
        store.atomically().onlyOnce(marker, REMEMBER_EVENTS).execute();
        meters.counter("notifications.sent", "notice", Notice.INVITATION.key(), "language", language).increment();
        return "sent";
    }

    /** The conference's name in the reader's language, as the session service published it. */
    private String conferenceName(String conferenceId, String language) {
        return conferences.find(conferenceId).map(conference -> conference.name(language))
                .orElse(properties.conferenceName());
    }

    private String notify(CloudEvent event, Notice notice, String registrationId) {
        return notify(event, notice, registrationId, null);
    }

    /** Sends again the message that fits the registration's status now (with a fresh link if it holds a place). */
    private String remind(CloudEvent event, String registrationId) {
        Optional<Recipient> found = recipients.find(registrationId);
        if (found.isEmpty()) {
            return "erased";
        }
        Notice notice = switch (found.get().status()) {
            case "APPROVED" -> Notice.APPROVED;
            case "WAITLISTED" -> Notice.WAITLISTED;
            case "OFFERED" -> Notice.OFFER;
            case "EXPIRED" -> Notice.OFFER_EXPIRED;
            case "REJECTED" -> Notice.REJECTED;
            case "CANCELLED" -> Notice.CANCELLED;
            default -> Notice.RECEIVED;
        };
        return notify(event, notice, registrationId, notice == Notice.OFFER ? found.get().offerReplyBy() : null);
    }

    private String notify(CloudEvent event, Notice notice, String registrationId, Instant replyBy) {
        String marker = "notify:" + event.id();
        if (store.alreadyApplied(marker)) {
            log.debug("Event {} ({}) was already notified", event.id(), event.type());
            return "duplicate";
        }
        Optional<Recipient> found = recipients.find(registrationId);
        if (found.isEmpty()) {
            log.info("No notification for event {} ({}): registration {} is gone", event.id(), event.type(),
                    registrationId);
            return "erased";
        }
        Recipient recipient = found.get();
        Map<String, String> values = new HashMap<>();
        values.put("name", recipient.fullName());
        values.put("conference", conferenceName(recipient.conferenceId(), recipient.language()));
        if (notice == Notice.APPROVED || notice == Notice.OFFER) {
            values.put("link", accessLinks.issue(registrationId).toString());
        }
        if (replyBy != null) {
            values.put("replyBy", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG)
                    .withLocale(Locale.forLanguageTag(recipient.language())).withZone(recipient.timeZone())
                    .format(replyBy));
        }
        NotificationTemplates.Rendered rendered = templates.render(notice, recipient.language(), values);
        mail.send(new MailPort.Message(recipient.email(), rendered.subject(), rendered.body(), recipient.language()));
        // Only now: a crash before this line means the redelivery sends again (at least once).
        store.atomically().onlyOnce(marker, REMEMBER_EVENTS).execute();
        meters.counter("notifications.sent", "notice", notice.key(), "language", recipient.language()).increment();
        return "sent";
    }
}
