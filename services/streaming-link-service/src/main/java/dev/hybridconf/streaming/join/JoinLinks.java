package dev.hybridconf.streaming.join;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.JoinLink;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.interpretation.InterpretationCopy;
import dev.hybridconf.streaming.interpretation.InterpretationKeys;
import dev.hybridconf.streaming.interpretation.LanguageNames;
import dev.hybridconf.streaming.participants.ParticipantCopy;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a participant's join link from precomputed data: the session hash, the caller's own entry of
 * {@code registrants:{sessionId}}, their participant copy and enrolment, and the session's published interpretation
 * channels, read in one pipelined round trip (no Zoom call).
 * The link is looked up by the caller's own registration id, so nobody can reach another participant's link;
 * and only in a session of the conference their registration is for (ADR 0015).
 */
@Component
public class JoinLinks {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final UnifiedJedis redis;
    private final StreamingKeys keys;
    private final JoinProperties properties;
    private final Clock clock;
    private final ParticipantCopy participants;
    private final InterpretationKeys interpretationKeys;
    private final LanguageNames names;

    JoinLinks(RedisStore store, StreamingKeys keys, JoinProperties properties, Clock clock,
            ParticipantCopy participants, InterpretationKeys interpretationKeys, LanguageNames names) {
        this.participants = participants;
        this.interpretationKeys = interpretationKeys;
        this.names = names;
        this.redis = store.redis();
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    public JoinAnswer join(String sessionId, String registrationId, Locale locale) {
        Response<Map<String, String>> sessionHash;
        Response<String> linkJson;
        Response<Map<String, String>> participantHash;
        Response<Boolean> enrolled;
        Response<String> interpretation;
        try (AbstractPipeline pipeline = redis.pipelined()) {
            sessionHash = pipeline.hgetAll(keys.session(sessionId));
            linkJson = pipeline.hget(keys.registrants(sessionId), registrationId);
            participantHash = pipeline.hgetAll(keys.participant(registrationId));
            enrolled = pipeline.sismember(keys.enrolled(sessionId), registrationId);
            interpretation = pipeline.hget(interpretationKeys.desired(sessionId), InterpretationKeys.SNAPSHOT);
            pipeline.sync();
        }
        SessionView session = SessionView.fromHash(sessionId, sessionHash.get());
        if (session == null || session.cancelled() || !session.needsMeeting()
                || List.of("REMOVED", "NOT_NEEDED").contains(session.provisioning())) {
            throw JoinProblem.unknownSession();
        }
        Map<String, String> participant = participantHash.get();
        // The copy's hash says what the remote set says (both are written in one step), and which conference the
        // registration is for: a session of another conference is not theirs to join.
        boolean mayAttend = ParticipantCopy.APPROVED.equals(participant.get(ParticipantCopy.STATUS))
                && ParticipantCopy.REMOTE.equals(participant.get(ParticipantCopy.ATTENDANCE_MODE))
                && session.conferenceId() != null
                && session.conferenceId().equals(participants.conferenceOf(null, participant))
                && (SessionView.ALL_REMOTE.equals(session.audience()) || Boolean.TRUE.equals(enrolled.get()));
        if (!mayAttend) {
            throw JoinProblem.notEnrolled();
        }
        Instant now = clock.instant();
        Instant opensAt = session.start().minus(properties.opensBefore());
        if (now.isBefore(opensAt)) {
            throw JoinProblem.notOpen(opensAt);
        }
        if (session.end() != null && now.isAfter(session.end())) {
            throw JoinProblem.closed(session.end());
        }
        if (!session.provisioned()) {
            throw JoinProblem.notReady(properties.retryAfter());
        }
        JoinLink link = linkJson.get() == null ? null : JSON.readValue(linkJson.get(), JoinLink.class);
        if (link == null || !session.meetingId().equals(link.meetingId()) || link.joinUrl() == null) {
            throw JoinProblem.notReady(properties.retryAfter());
        }
        String yourLanguage = participant.get(ParticipantCopy.INTERPRETATION_LANGUAGE);
        List<JoinAnswer.Channel> channels = channels(InterpretationCopy.parse(interpretation.get()), locale);
        return new JoinAnswer(sessionId, session.title(locale), session.start(), session.end(),
                session.timeZone(), link.joinUrl(), new JoinAnswer.Interpretation(
                        channels.stream().filter(JoinAnswer.Channel::onZoom).map(JoinAnswer.Channel::language)
                                .toList(),
                        yourLanguage == null || yourLanguage.isBlank() ? null : yourLanguage, channels));
    }

    private List<JoinAnswer.Channel> channels(SessionInterpretationPublished published, Locale locale) {
        if (published == null) {
            return List.of();
        }
        return published.channels().stream().map(channel -> new JoinAnswer.Channel(channel.language(),
                names.name(channel.language(), locale), channel.signLanguage(),
                channel.delivery() != null && channel.delivery().onZoom())).toList();
    }
}
