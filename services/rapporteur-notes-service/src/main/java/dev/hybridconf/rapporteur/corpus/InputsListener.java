package dev.hybridconf.rapporteur.corpus;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.contracts.EventTypes;
import dev.hybridconf.contracts.MalformedEventException;
import dev.hybridconf.contracts.session.ConclusionPosted;
import dev.hybridconf.contracts.session.ConclusionsLockChanged;
import dev.hybridconf.contracts.session.ConferenceEvent;
import dev.hybridconf.contracts.session.ConferencePublished;
import dev.hybridconf.contracts.session.ConferenceUpdated;
import dev.hybridconf.contracts.session.SessionCancelled;
import dev.hybridconf.contracts.session.SessionEvent;
import dev.hybridconf.contracts.session.SessionRescheduled;
import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.contracts.session.SessionUpdated;
import dev.hybridconf.kit.redis.AtomicWrite.Outcome;
import dev.hybridconf.rapporteur.programme.ProgrammeCopy;
import dev.hybridconf.rapporteur.programme.ProgrammeCopy.Details;
import dev.hybridconf.rapporteur.programme.ProgrammeCopy.SessionChange;
import dev.hybridconf.rapporteur.programme.ProgrammeCopy.Times;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The service's inputs from {@code session.events} ({@value #LISTENER_ID}: its own group position, markers and
 * versions, kept by the kit): the programme (conferences and sessions) into {@link ProgrammeCopy}, conclusions and
 * their lock decisions into {@link CorpusStore}. Types it does not need are skipped (the kit moves its position past
 * them); another version of a type it applies goes to {@code session.events.dlt}, as do events its contract cannot
 * read, and the listener goes on.
 */
@Component
class InputsListener {

    private static final Logger log = LoggerFactory.getLogger(InputsListener.class);

    static final String LISTENER_ID = "rapporteur-inputs";

    private static final List<String> HANDLED = List.of(ConferencePublished.TYPE, ConferenceUpdated.TYPE,
            SessionScheduled.TYPE, SessionUpdated.TYPE, SessionRescheduled.TYPE, SessionCancelled.TYPE,
            ConclusionPosted.TYPE, ConclusionsLockChanged.TYPE);

    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final ProgrammeCopy programme;
    private final CorpusStore corpus;
    private final EventCodec codec;
    private final MeterRegistry meters;

    InputsListener(ProgrammeCopy programme, CorpusStore corpus, EventCodec codec, MeterRegistry meters) {
        this.programme = programme;
        this.corpus = corpus;
        this.codec = codec;
        this.meters = meters;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "#{@topicNames.physical('session.events')}")
    void on(CloudEvent event) {
        Outcome outcome = apply(event);
        String result = outcome == null ? "skipped" : outcome.name().toLowerCase(Locale.ROOT);
        meters.counter("events.consumed", "type", event.type(), "outcome", result).increment();
        log.debug("Event {} ({}): {}", event.id(), event.type(), result);
    }

    private Outcome apply(CloudEvent event) {
        return switch (event.type()) {
            case ConferencePublished.TYPE -> programme.apply(event, payload(event, ConferencePublished.class));
            case ConferenceUpdated.TYPE -> programme.apply(event, payload(event, ConferenceUpdated.class));
            case SessionScheduled.TYPE -> {
                SessionScheduled s = payload(event, SessionScheduled.class);
                yield programme.apply(event, new SessionChange(s.sessionId(), s.conferenceId(), s.sessionVersion(),
                        s.kind(), new Details(s.kind(), s.title(), s.track(), s.slot(), s.moderatorIds(),
                                s.rapporteurId()),
                        new Times(s.day(), s.start(), s.end()), "SCHEDULED"));
            }
            case SessionUpdated.TYPE -> {
                SessionUpdated s = payload(event, SessionUpdated.class);
                yield programme.apply(event, new SessionChange(s.sessionId(), s.conferenceId(), s.sessionVersion(),
                        s.kind(), new Details(s.kind(), s.title(), s.track(), s.slot(), s.moderatorIds(),
                                s.rapporteurId()),
                        new Times(s.day(), s.start(), s.end()), null));
            }
            case SessionRescheduled.TYPE -> {
                SessionRescheduled s = payload(event, SessionRescheduled.class);
                yield programme.apply(event, new SessionChange(s.sessionId(), s.conferenceId(), s.sessionVersion(),
                        s.kind(), null, new Times(s.day(), s.start(), s.end()), null));
            }
            case SessionCancelled.TYPE -> {
                SessionCancelled s = payload(event, SessionCancelled.class);
                yield programme.apply(event, new SessionChange(s.sessionId(), s.conferenceId(), s.sessionVersion(),
                        s.kind(), null, new Times(s.day(), s.start(), s.end()), "CANCELLED"));
            }
            case ConclusionPosted.TYPE -> corpus.apply(event, payload(event, ConclusionPosted.class));
            case ConclusionsLockChanged.TYPE -> corpus.apply(event,
                    payload(event, ConclusionsLockChanged.class));
            default -> {
                EventTypes.requireKnownVersion(event.type(), HANDLED);
                yield null;
            }
        };
    }

    /** Reads the event's data, refusing what its contract allows to bind but the schema does not (to the DLT). */
    private <T extends EventPayload> T payload(CloudEvent event, Class<T> type) {
        T payload = codec.payload(event, type);
        String missing = null;
        if (payload instanceof ConclusionPosted p && (p.sessionId() == null || p.conferenceId() == null
                || p.day() == null || p.revision() < 1 || p.language() == null || p.summary() == null
                || p.postedAt() == null)) {
            missing = "sessionId, conferenceId, day, revision >= 1, language, summary, postedAt";
        } else if (payload instanceof ConclusionsLockChanged l && (l.sessionId() == null || l.conferenceId() == null
                || l.day() == null || l.source() == null || l.changedAt() == null)) {
            missing = "sessionId, conferenceId, day, source, changedAt";
        } else if (payload instanceof ConferenceEvent c && (c.conferenceId() == null || c.conferenceId().isBlank())) {
            missing = "conferenceId";
        } else if (payload instanceof SessionEvent e && (e.sessionId() == null || e.conferenceId() == null)) {
            missing = "sessionId, conferenceId";
        }
        if (missing != null) {
            throw new MalformedEventException("data of " + event.type() + " lacks " + missing, null);
        }
        String invalid = invalid(payload);
        if (invalid != null) {
            throw new MalformedEventException("data of " + event.type() + " breaks its schema: " + invalid, null);
        }
        return payload;
    }

    /**
     * What the schema says and the contract's binding does not check, for what this service keeps and puts in keys:
     * ids (a slug, a UUID), a conclusion's language, lengths and SDGs. Null when none is broken.
     */
    private static String invalid(EventPayload payload) {
        String conferenceId = payload instanceof ConferenceEvent c ? c.conferenceId()
                : payload instanceof SessionEvent e ? e.conferenceId()
                : payload instanceof ConclusionPosted p ? p.conferenceId()
                : payload instanceof ConclusionsLockChanged l ? l.conferenceId() : null;
        if (conferenceId != null && !SLUG.matcher(conferenceId).matches()) {
            return "conferenceId";
        }
        String sessionId = payload instanceof SessionEvent e ? e.sessionId()
                : payload instanceof ConclusionPosted p ? p.sessionId()
                : payload instanceof ConclusionsLockChanged l ? l.sessionId() : null;
        if (sessionId != null && !UUID.matcher(sessionId).matches()) {
            return "sessionId";
        }
        if (payload instanceof ConclusionPosted p) {
            if (!List.of("en", "fr", "es").contains(p.language())) {
                return "language";
            }
            if (p.summary().isEmpty() || p.summary().length() > 4000) {
                return "summary";
            }
            if (!texts(p.keyPoints(), 20, 500)) {
                return "keyPoints";
            }
            if (!texts(p.recommendations(), 20, 500)) {
                return "recommendations";
            }
            if (!texts(p.themes(), 10, 64)) {
                return "themes";
            }
            if (p.sdgs().size() > 17 || p.sdgs().stream().anyMatch(g -> g == null || g < 1 || g > 17)
                    || p.sdgs().stream().distinct().count() != p.sdgs().size()) {
                return "sdgs";
            }
        }
        return null;
    }

    private static boolean texts(List<String> texts, int maxItems, int maxLength) {
        return texts.size() <= maxItems
                && texts.stream().allMatch(t -> t != null && !t.isEmpty() && t.length() <= maxLength);
    }
}
