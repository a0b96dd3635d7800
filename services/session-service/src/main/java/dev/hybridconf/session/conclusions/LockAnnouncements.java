package dev.hybridconf.session.conclusions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.session.ConclusionsLockChanged;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.session.programme.Conference;
import dev.hybridconf.session.programme.ProgrammeHook;
import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.session.programme.SessionKind;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * Announces when a breakout's conclusions lock ({@code session.conclusions-lock-changed.v1}), in the step that changes
 * it: an organiser's setting for a breakout or a day, or a programme change (a breakout or a wrap-up scheduled, moved,
 * cancelled; the conference's days changed). An event goes out only when {@code (lockAt, source, relockAt)} differs
 * from the last one announced for the breakout, kept in {@code conclusions:<sessionId>:lock-emitted} (hash:
 * {@code signature}) and guarded in the same step, so two replicas never announce one change twice and a change that
 * moves nothing announces nothing.
 */
@Component
class LockAnnouncements implements ProgrammeHook {

    private final RedisStore store;
    private final KeySpace keys;
    private final Clock clock;

    LockAnnouncements(RedisStore store, Clock clock) {
        this.store = store;
        this.keys = store.keys();
        this.clock = clock;
    }

    /** What one breakout's lock is decided on, and who changed it (null for the programme). */
    record Inputs(ProgrammeSession breakout, Conference conference, List<ProgrammeSession> sessions,
            ConclusionsLock override, DayLock dayLock) {
    }

    /**
     * Adds to {@code write} an event (and the new signature) for each breakout whose decision differs from what was
     * last announced, guarded by that signature.
     *
     * @param conflict what a concurrent announcement of the same breakout fails with
     */
    void announce(AtomicWrite write, List<Inputs> breakouts, String changedBy,
            Supplier<? extends ConflictException> conflict) {
        if (breakouts.isEmpty()) {
            return;
        }
        Map<String, String> announced = signatures(breakouts.stream().map(i -> i.breakout().id()).toList());
        Instant now = clock.instant();
        for (Inputs inputs : breakouts) {
            ProgrammeSession breakout = inputs.breakout();
            LockRule.Decision decision = LockRule.decide(breakout, inputs.conference(), inputs.sessions(),
                    inputs.override(), inputs.dayLock());
            Instant relockAt = decision.source() == LockRule.Source.UNLOCKED ? inputs.override().relockAt() : null;
            String signature = signature(decision.lockAt(), decision.source(), relockAt);
            String before = announced.get(breakout.id());
            if (signature.equals(before)) {
                continue;
            }
            String key = emittedKey(breakout.id());
            if (before == null) {
                write.requireAbsent(key, conflict);
            } else {
                write.requireField(key, "signature", before, conflict);
            }
            LocalDate day = LockRule.day(breakout, inputs.conference().timeZone());
            write.hset(key, Map.of("signature", signature))
                    .emit(new ConclusionsLockChanged(breakout.id(), breakout.conferenceId(), day, decision.lockAt(),
                            decision.source().name(), relockAt, changedBy, now));
        }
    }

    /**
     * A programme commit: every scheduled breakout of the conference is decided again on the programme as it will be
     * stored (a moved wrap-up or a new last day moves many), with the organisers' settings as stored; each setting
     * that an announcement relies on is guarded, so a setting changed meanwhile makes the commit try again.
     */
    @Override
    public void programmeChanging(Conference after, List<ProgrammeSession> sessions, AtomicWrite write) {
        List<ProgrammeSession> breakouts = sessions.stream()
                .filter(s -> s.kind() == SessionKind.BREAKOUT && s.scheduled()).toList();
        if (breakouts.isEmpty()) {
            return;
        }
        Map<String, Map<String, String>> overrides = hashes(breakouts.stream().map(b -> lockKey(b.id())).toList());
        Map<LocalDate, DayLock> days = new HashMap<>();
        List<Inputs> inputs = new ArrayList<>(breakouts.size());
        for (ProgrammeSession breakout : breakouts) {
            LocalDate day = LockRule.day(breakout, after.timeZone());
            DayLock dayLock = days.computeIfAbsent(day,
                    d -> DayLock.fromHash(d, store.redis().hgetAll(dayKey(after.id(), d))));
            inputs.add(new Inputs(breakout, after, sessions,
                    ConclusionsLock.fromHash(overrides.get(lockKey(breakout.id()))), dayLock));
        }
        Supplier<ConflictException> conflict = () -> new ConflictException("programme-changed-concurrently",
                "programme.changed-concurrently");
        Map<String, String> announced = signatures(breakouts.stream().map(ProgrammeSession::id).toList());
        List<Inputs> moved = new ArrayList<>();
        for (Inputs i : inputs) {
            LockRule.Decision decision = LockRule.decide(i.breakout(), after, sessions, i.override(), i.dayLock());
            Instant relockAt = decision.source() == LockRule.Source.UNLOCKED ? i.override().relockAt() : null;
            if (!signature(decision.lockAt(), decision.source(), relockAt).equals(announced.get(i.breakout().id()))) {
                moved.add(i);
                guardSettings(write, i, after.id(), conflict);
            }
        }
        announce(write, moved, null, conflict);
    }

    private void guardSettings(AtomicWrite write, Inputs inputs, String conferenceId,
            Supplier<ConflictException> conflict) {
        String lockKey = lockKey(inputs.breakout().id());
        if (inputs.override().version() == 0) {
            write.requireAbsent(lockKey, conflict);
        } else {
            write.requireField(lockKey, "version", Long.toString(inputs.override().version()), conflict);
        }
        String dayKey = dayKey(conferenceId, inputs.dayLock().day());
        if (inputs.dayLock().version() == 0) {
            write.requireAbsent(dayKey, conflict);
        } else {
            write.requireField(dayKey, "version", Long.toString(inputs.dayLock().version()), conflict);
        }
    }

    static String signature(Instant lockAt, LockRule.Source source, Instant relockAt) {
        return Objects.toString(lockAt, "") + "|" + source.name() + "|" + Objects.toString(relockAt, "");
    }

    private Map<String, String> signatures(List<String> sessionIds) {
        Map<String, Map<String, String>> stored = hashes(sessionIds.stream().map(this::emittedKey).toList());
        Map<String, String> signatures = new HashMap<>();
        for (String id : sessionIds) {
            Map<String, String> hash = stored.get(emittedKey(id));
            if (hash != null && hash.get("signature") != null) {
                signatures.put(id, hash.get("signature"));
            }
        }
        return signatures;
    }

    private Map<String, Map<String, String>> hashes(List<String> hashKeys) {
        Map<String, Map<String, String>> found = new HashMap<>();
        if (hashKeys.isEmpty()) {
            return found;
        }
        try (AbstractPipeline pipeline = store.redis().pipelined()) {
            Map<String, Response<Map<String, String>>> responses = new HashMap<>();
            for (String key : hashKeys) {
                responses.put(key, pipeline.hgetAll(key));
            }
            pipeline.sync();
            responses.forEach((key, response) -> found.put(key, response.get()));
        }
        return found;
    }

    String emittedKey(String sessionId) {
        return keys.key("conclusions", sessionId, "lock-emitted");
    }

    private String lockKey(String sessionId) {
        return keys.key("conclusions", sessionId, "lock");
    }

    private String dayKey(String conferenceId, LocalDate day) {
        return keys.key("conclusions", "day", conferenceId, day.toString());
    }
}
