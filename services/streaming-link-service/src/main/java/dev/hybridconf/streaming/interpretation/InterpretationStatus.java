package dev.hybridconf.streaming.interpretation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished;
import dev.hybridconf.kit.errors.ProblemMessages;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.SessionView;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Each session's interpretation readiness for the staff board, from the published snapshot, what was applied to the
 * meeting and the session's own state, read in one pipelined round trip for a whole day: no Zoom call.
 */
@Component
public class InterpretationStatus {

    private static final DateTimeFormatter LOCAL_DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final UnifiedJedis redis;
    private final InterpretationKeys keys;
    private final InterpretationProperties properties;
    private final ProblemMessages messages;
    private final LanguageNames names;

    InterpretationStatus(RedisStore store, InterpretationKeys keys, InterpretationProperties properties,
            ProblemMessages messages, LanguageNames names) {
        this.redis = store.redis();
        this.keys = keys;
        this.properties = properties;
        this.messages = messages;
        this.names = names;
    }

    /** The readiness of each session, in the order given. */
    public List<InterpretationReadiness> of(List<SessionView> sessions, Locale locale) {
        List<InterpretationReadiness> result = new ArrayList<>(sessions.size());
        if (sessions.isEmpty()) {
            return result;
        }
        List<Response<String>> snapshots = new ArrayList<>(sessions.size());
        List<Response<Map<String, String>>> applied = new ArrayList<>(sessions.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (SessionView session : sessions) {
                snapshots.add(pipeline.hget(keys.desired(session.sessionId()), InterpretationKeys.SNAPSHOT));
                applied.add(pipeline.hgetAll(keys.applied(session.sessionId())));
            }
            pipeline.sync();
        }
        for (int i = 0; i < sessions.size(); i++) {
            result.add(readiness(sessions.get(i), InterpretationCopy.parse(snapshots.get(i).get()),
                    AppliedInterpretation.fromHash(applied.get(i).get()), locale));
        }
        return result;
    }

    InterpretationReadiness readiness(SessionView session, SessionInterpretationPublished desired,
            AppliedInterpretation applied, Locale locale) {
        if (desired == null) {
            return new InterpretationReadiness(InterpretationReadiness.NONE, null,
                    messages.text("interpretation.state.NONE", locale), null, null, List.of(), List.of());
        }
        ZoomInterpretationPlan plan = ZoomInterpretationPlan.of(desired, properties.signLanguages());
        List<InterpretationReadiness.Channel> channels = plan.channels().stream()
                .map(c -> new InterpretationReadiness.Channel(c.language(), names.name(c.language(), locale),
                        c.signLanguage(), c.delivery(), c.covered(), c.relayFrom(), c.onZoom(),
                        c.interpretersOnZoom()))
                .toList();
        List<InterpretationReadiness.Issue> issues = plan.issues().stream()
                .map(issue -> new InterpretationReadiness.Issue(issue.code(), issue.language(), issue.interpreterId(),
                        messages.text("interpretation.issue." + issue.code(), locale,
                                issue.language() == null ? "" : names.name(issue.language(), locale),
                                issue.interpreterId() == null ? "" : issue.interpreterId())))
                .toList();
        Judgement judged = judge(session, plan, applied);
        String state = judged.state();
        String text = switch (state) {
            case InterpretationReadiness.DEFERRED -> messages.text("interpretation.state.DEFERRED." + judged.reason(),
                    locale, session.hostUserId() == null ? "" : session.hostUserId(), local(judged.retryAt(), session));
            case InterpretationReadiness.FAILED -> messages.text("interpretation.state.FAILED." + judged.reason(),
                    locale, applied == null || applied.detail() == null ? "" : applied.detail(),
                    local(judged.retryAt(), session));
            case InterpretationReadiness.PENDING -> messages.text("interpretation.state.PENDING." + judged.reason(),
                    locale);
            default -> messages.text("interpretation.state." + state, locale);
        };
        return new InterpretationReadiness(state, judged.reason(), text, judged.retryAt(), desired.planVersion(),
                channels, issues);
    }

    /** The state, its reason and when it moves on. */
    record Judgement(String state, String reason, Instant retryAt) {
    }

    /**
     * Whether the meeting has the plan: nothing to have when the session needs no meeting; a plan of no
     * interpretation is what a new meeting already has; else the meeting must be the one the plan's fingerprint was
     * applied to.
     */
    static Judgement judge(SessionView session, ZoomInterpretationPlan plan, AppliedInterpretation applied) {
        boolean zoomNeeded = session != null && !session.cancelled() && session.needsMeeting();
        boolean inSync;
        if (!zoomNeeded) {
            inSync = true;
        } else if (!session.provisioned()) {
            inSync = plan.off();
        } else if (applied != null && applied.has(session.meetingId(), plan.fingerprint())) {
            inSync = true;
        } else {
            inSync = plan.off() && (applied == null || !session.meetingId().equals(applied.meetingId()));
        }
        if (!inSync) {
            if (applied != null && plan.fingerprint().equals(applied.attemptedFingerprint())
                    && (AppliedInterpretation.FAILED.equals(applied.state())
                            || AppliedInterpretation.DEFERRED.equals(applied.state()))) {
                return new Judgement(applied.state(), applied.reason(), applied.retryAt());
            }
            return new Judgement(InterpretationReadiness.PENDING,
                    session.provisioned() ? "APPLYING" : "WAITING_FOR_MEETING", null);
        }
        if (plan.channels().isEmpty()) {
            return new Judgement(InterpretationReadiness.NONE, null, null);
        }
        return new Judgement(plan.issues().isEmpty() ? InterpretationReadiness.READY : InterpretationReadiness.GAPS,
                null, null);
    }

    private static String local(Instant at, SessionView session) {
        if (at == null) {
            return "";
        }
        ZoneId zone = session.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(session.timeZone());
        return LOCAL_DAY_TIME.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
