package dev.hybridconf.interpretation.roster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The interpreter roster of each conference, in Redis (under {@code interpretation:roster:<conferenceId>:}):
 * {@code profiles} (hash: roster id → the entry as JSON), {@code versions} (hash: roster id → version, what
 * writes check), {@code ids} (sorted set of roster ids, which bounds the roster's size), {@code email:<sha-256 of
 * the e-mail>} and {@code registration:<registrationId>} (roster id: the unique indexes).
 *
 * <p>Every write is one atomic step (the kit's Lua write) whose preconditions are what the write was computed
 * from: the entry's version, the free e-mail and registration, the partners' versions. Two creates with one
 * e-mail: exactly one wins, the other is told the e-mail is taken. A write whose precondition fails because
 * someone else changed the roster meanwhile is computed again from a fresh read, a few times; one that names
 * the version it expects ({@code If-Match}) is refused instead. A write that would change nothing is not made,
 * so the version counts real changes.
 *
 * <p>Roster entries emit no event: they stay inside the service (the planner and the plan read them here, and
 * the plan's own events carry what Zoom and the other services need, the Zoom e-mails included).
 */
@Service
class RedisRoster implements Roster {

    /** Most interpreters one conference's roster holds. */
    static final int MAX_INTERPRETERS = 2000;

    private static final int ATTEMPTS = 6;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final RedisStore store;
    private final KeySpace keys;
    private final ObjectProvider<ConferenceDays> conferenceDays;
    private final MeterRegistry meters;

    RedisRoster(RedisStore store, ObjectProvider<ConferenceDays> conferenceDays, MeterRegistry meters) {
        this.store = store;
        this.keys = store.keys();
        this.conferenceDays = conferenceDays;
        this.meters = meters;
    }

    /**
     * Roster order: by name as a reader sorts names whatever their accents or case ("Ángel" before "Bruno"), then
     * by id. A new collator each time: collators are not safe to share between threads.
     */
    private static Comparator<InterpreterProfile> order() {
        Collator collator = Collator.getInstance(Locale.ROOT);
        collator.setStrength(Collator.TERTIARY);
        return Comparator.comparing(InterpreterProfile::name, collator).thenComparing(InterpreterProfile::interpreterId);
    }

    /** Counts the roster's changes by kind ({@code created}, {@code updated}, {@code deleted}). */
    private void counted(String change, long count) {
        if (count > 0) {
            meters.counter("interpretation.roster.changes", "change", change).increment(count);
        }
    }

    // ---- Reads (the port) ----------------------------------------------------------------------------------

    @Override
    public List<InterpreterProfile> forConference(String conferenceId) {
        return List.copyOf(load(conferenceId).values());
    }

    @Override
    public Optional<InterpreterProfile> find(String conferenceId, String interpreterId) {
        if (!ProfileRules.conferenceId(conferenceId) || !ProfileRules.interpreterId(interpreterId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(store.redis().hget(profiles(conferenceId), interpreterId.toLowerCase(Locale.ROOT)))
                .map(RedisRoster::parse);
    }

    @Override
    public Optional<InterpreterProfile> byRegistration(String conferenceId, String registrationId) {
        if (!ProfileRules.conferenceId(conferenceId) || registrationId == null
                || ProfileRules.registrationId(registrationId, "registrationId", new ArrayList<>()) == null) {
            return Optional.empty();
        }
        String id = store.redis().get(registrationKey(conferenceId, registrationId));
        return id == null ? Optional.empty() : find(conferenceId, id)
                .filter(profile -> registrationId.equals(profile.registrationId()));
    }

    /** The conference's days when known (the hook), for checking availability. */
    Optional<Set<LocalDate>> conferenceDays(String conferenceId) {
        ConferenceDays days = conferenceDays.getIfAvailable();
        return days == null ? Optional.empty() : days.of(conferenceId);
    }

    /** Every entry of the conference by roster id, in roster order (name, then id). */
    Map<String, InterpreterProfile> load(String conferenceId) {
        Map<String, InterpreterProfile> roster = new LinkedHashMap<>();
        if (!ProfileRules.conferenceId(conferenceId)) {
            return roster;
        }
        store.redis().hgetAll(profiles(conferenceId)).values().stream().map(RedisRoster::parse).sorted(order())
                .forEach(profile -> roster.put(profile.interpreterId(), profile));
        return roster;
    }

    // ---- Writes ---------------------------------------------------------------------------------------------

    /**
     * Adds an entry; its partners (roster ids) must be on the roster.
     *
     * @throws RosterProblem 409 when the e-mail or the registration is another entry's, or the roster is full
     */
    InterpreterProfile create(String conferenceId, InterpreterDraft draft) {
        String id = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, InterpreterProfile> roster = load(conferenceId);
            InterpreterProfile created = profile(id, conferenceId, draft, partnerIds(draft, id, roster), 1);
            unique(created, roster);
            AtomicWrite write = store.atomically()
                    .requireAbsent(emailKey(conferenceId, created.email()), () -> RosterProblem.emailTaken(created.email()))
                    .requireSizeBelow(ids(conferenceId), MAX_INTERPRETERS, () -> RosterProblem.full(MAX_INTERPRETERS));
            if (created.registrationId() != null) {
                write.requireAbsent(registrationKey(conferenceId, created.registrationId()),
                        () -> RosterProblem.registrationTaken(created.registrationId()));
            }
            requirePartners(write, created, roster);
            write.set(emailKey(conferenceId, created.email()), id).zadd(ids(conferenceId), 0, id);
            if (created.registrationId() != null) {
                write.set(registrationKey(conferenceId, created.registrationId()), id);
            }
            store(write, created);
            try {
                write.execute();
                counted("created", 1);
                return created;
            } catch (RosterProblem.Stale stale) {
                // A partner changed meanwhile: read again.
            }
        }
        throw RosterProblem.changedConcurrently();
    }

    /**
     * Replaces an entry with the draft (its id and conference stay); a draft that changes nothing writes nothing.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}), or null to apply on whatever is current
     * @throws NotFoundException 404 when there is no such entry
     * @throws RosterProblem     412 when the entry is no longer at {@code expectedVersion}; 409 when the e-mail or the
     *                           registration is another entry's
     */
    InterpreterProfile replace(String conferenceId, String interpreterId, InterpreterDraft draft, Long expectedVersion) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, InterpreterProfile> roster = load(conferenceId);
            InterpreterProfile existing = existing(roster, interpreterId);
            if (expectedVersion != null && existing.version() != expectedVersion) {
                throw RosterProblem.versionMismatch(existing.interpreterId(), existing.version());
            }
            InterpreterProfile next = profile(existing.interpreterId(), conferenceId, draft,
                    partnerIds(draft, existing.interpreterId(), roster), existing.version() + 1);
            if (ProfileRules.sameContent(existing, next)) {
                return existing;
            }
            unique(next, roster);
            AtomicWrite write = store.atomically();
            requireVersion(write, conferenceId, existing, true);
            if (!next.email().equals(existing.email())) {
                write.requireAbsent(emailKey(conferenceId, next.email()), () -> RosterProblem.emailTaken(next.email()));
            }
            boolean registrationChanged = !Objects.equals(next.registrationId(), existing.registrationId());
            if (registrationChanged && next.registrationId() != null) {
                write.requireAbsent(registrationKey(conferenceId, next.registrationId()),
                        () -> RosterProblem.registrationTaken(next.registrationId()));
            }
            requirePartners(write, next, roster);
            if (!next.email().equals(existing.email())) {
                write.delete(emailKey(conferenceId, existing.email())).set(emailKey(conferenceId, next.email()),
                        next.interpreterId());
            }
            if (registrationChanged) {
                if (existing.registrationId() != null) {
                    write.delete(registrationKey(conferenceId, existing.registrationId()));
                }
                if (next.registrationId() != null) {
                    write.set(registrationKey(conferenceId, next.registrationId()), next.interpreterId());
                }
            }
            store(write, next);
            try {
                write.execute();
                counted("updated", 1);
                return next;
            } catch (RosterProblem.Stale stale) {
                if (stale.own && expectedVersion != null) {
                    long now = find(conferenceId, interpreterId).map(InterpreterProfile::version).orElse(0L);
                    throw RosterProblem.versionMismatch(existing.interpreterId(), now);
                }
            }
        }
        throw RosterProblem.changedConcurrently();
    }

    /**
     * Removes an entry, its indexes, and its id from the partners others prefer (each such entry changes version).
     *
     * @throws NotFoundException 404 when there is no such entry
     * @throws RosterProblem     412 when the entry is no longer at {@code expectedVersion}
     */
    void delete(String conferenceId, String interpreterId, Long expectedVersion) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, InterpreterProfile> roster = load(conferenceId);
            InterpreterProfile existing = existing(roster, interpreterId);
            if (expectedVersion != null && existing.version() != expectedVersion) {
                throw RosterProblem.versionMismatch(existing.interpreterId(), existing.version());
            }
            String id = existing.interpreterId();
            AtomicWrite write = store.atomically();
            requireVersion(write, conferenceId, existing, true);
            for (InterpreterProfile other : roster.values()) {
                if (!other.interpreterId().equals(id) && other.preferredPartners().contains(id)) {
                    requireVersion(write, conferenceId, other, false);
                    Set<String> partners = new HashSet<>(other.preferredPartners());
                    partners.remove(id);
                    store(write, new InterpreterProfile(other.interpreterId(), conferenceId, other.registrationId(),
                            other.name(), other.email(), other.zoomEmail(), other.languages(), other.mode(),
                            other.availability(), partners, other.version() + 1));
                }
            }
            write.delete(emailKey(conferenceId, existing.email()))
                    .hdel(profiles(conferenceId), id).hdel(versions(conferenceId), id).zrem(ids(conferenceId), id);
            if (existing.registrationId() != null) {
                write.delete(registrationKey(conferenceId, existing.registrationId()));
            }
            try {
                write.execute();
                counted("deleted", 1);
                return;
            } catch (RosterProblem.Stale stale) {
                if (stale.own && expectedVersion != null) {
                    long now = find(conferenceId, interpreterId).map(InterpreterProfile::version).orElse(0L);
                    if (now == 0) {
                        throw new NotFoundException("roster.interpreter.not-found", interpreterId);
                    }
                    throw RosterProblem.versionMismatch(existing.interpreterId(), now);
                }
            }
        }
        throw RosterProblem.changedConcurrently();
    }

    /** One entry an import writes: {@code before} as read (null for a new entry) and {@code after}. */
    record Planned(InterpreterProfile before, InterpreterProfile after) {
    }

    /**
     * Writes an import's new and changed entries in one atomic step, on the condition that the roster is still as
     * {@code read} (the entries written, the e-mails and registrations taken, the partners named).
     *
     * @throws RosterProblem.Stale when the roster changed since it was read: nothing was written, read again
     * @throws RosterProblem       409 when the roster would hold more than {@link #MAX_INTERPRETERS}
     */
    void apply(String conferenceId, List<Planned> planned, Map<String, InterpreterProfile> read) {
        if (planned.isEmpty()) {
            return;
        }
        AtomicWrite write = store.atomically();
        long creates = planned.stream().filter(p -> p.before() == null).count();
        if (creates > 0) {
            write.requireSizeBelow(ids(conferenceId), MAX_INTERPRETERS - creates + 1,
                    () -> RosterProblem.full(MAX_INTERPRETERS));
        }
        Set<String> written = new HashSet<>();
        Set<String> freed = new HashSet<>();
        for (Planned p : planned) {
            written.add(p.after().interpreterId());
            if (p.before() != null && p.before().registrationId() != null
                    && !p.before().registrationId().equals(p.after().registrationId())) {
                freed.add(p.before().registrationId());
            }
        }
        Supplier<RosterProblem> stale = () -> new RosterProblem.Stale(false);
        for (Planned p : planned) {
            InterpreterProfile after = p.after();
            if (p.before() == null) {
                write.requireAbsent(emailKey(conferenceId, after.email()), stale);
            } else {
                requireVersion(write, conferenceId, p.before(), false);
            }
            String registration = after.registrationId();
            boolean taken = p.before() == null ? registration != null
                    : registration != null && !registration.equals(p.before().registrationId());
            if (taken && !freed.contains(registration)) {
                write.requireAbsent(registrationKey(conferenceId, registration), stale);
            }
        }
        Set<String> partners = new HashSet<>();
        planned.forEach(p -> partners.addAll(p.after().preferredPartners()));
        partners.removeAll(written);
        for (String partner : partners) {
            requireVersion(write, conferenceId, read.get(partner), false);
        }
        // Registrations let go of first: another entry of this import may take one.
        for (Planned p : planned) {
            if (p.before() != null && freed.contains(p.before().registrationId())) {
                write.delete(registrationKey(conferenceId, p.before().registrationId()));
            }
        }
        for (Planned p : planned) {
            InterpreterProfile after = p.after();
            if (p.before() == null) {
                write.set(emailKey(conferenceId, after.email()), after.interpreterId())
                        .zadd(ids(conferenceId), 0, after.interpreterId());
            }
            String registration = after.registrationId();
            if (registration != null && (p.before() == null || !registration.equals(p.before().registrationId()))) {
                write.set(registrationKey(conferenceId, registration), after.interpreterId());
            }
            store(write, after);
        }
        write.execute();
        counted("created", creates);
        counted("updated", planned.size() - creates);
    }

    // ---- Helpers --------------------------------------------------------------------------------------------

    private static InterpreterProfile existing(Map<String, InterpreterProfile> roster, String interpreterId) {
        InterpreterProfile existing = ProfileRules.interpreterId(interpreterId)
                ? roster.get(interpreterId.toLowerCase(Locale.ROOT)) : null;
        if (existing == null) {
            throw new NotFoundException("roster.interpreter.not-found", interpreterId);
        }
        return existing;
    }

    private static InterpreterProfile profile(String id, String conferenceId, InterpreterDraft draft,
            Set<String> partners, long version) {
        return new InterpreterProfile(id, conferenceId, draft.registrationId(), draft.name(), draft.email(),
                draft.zoomEmail(), draft.languages(), draft.mode(), draft.availability(), partners, version);
    }

    /** The draft's partners (roster ids), each on this roster and not the entry itself. */
    private static Set<String> partnerIds(InterpreterDraft draft, String self, Map<String, InterpreterProfile> roster) {
        List<Invalid> problems = new ArrayList<>();
        for (int i = 0; i < draft.partners().size(); i++) {
            String partner = draft.partners().get(i);
            if (partner.equals(self)) {
                problems.add(new Invalid("preferredPartners[" + i + "]", "roster.field.partner-self"));
            } else if (!roster.containsKey(partner)) {
                problems.add(new Invalid("preferredPartners[" + i + "]", "roster.field.partner-unknown", partner));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return Set.copyOf(draft.partners());
    }

    /** Refuses at once what the atomic write would refuse anyway: an e-mail or a registration another entry has. */
    private static void unique(InterpreterProfile entry, Map<String, InterpreterProfile> roster) {
        for (InterpreterProfile other : roster.values()) {
            if (other.interpreterId().equals(entry.interpreterId())) {
                continue;
            }
            if (other.email().equals(entry.email())) {
                throw RosterProblem.emailTaken(entry.email());
            }
            if (entry.registrationId() != null && entry.registrationId().equals(other.registrationId())) {
                throw RosterProblem.registrationTaken(entry.registrationId());
            }
        }
    }

    private void requirePartners(AtomicWrite write, InterpreterProfile entry, Map<String, InterpreterProfile> roster) {
        for (String partner : entry.preferredPartners()) {
            requireVersion(write, entry.conferenceId(), roster.get(partner), false);
        }
    }

    private void requireVersion(AtomicWrite write, String conferenceId, InterpreterProfile entry, boolean own) {
        write.requireField(versions(conferenceId), entry.interpreterId(), Long.toString(entry.version()),
                () -> new RosterProblem.Stale(own));
    }

    private void store(AtomicWrite write, InterpreterProfile entry) {
        write.hset(profiles(entry.conferenceId()), Map.of(entry.interpreterId(), JSON.writeValueAsString(entry)))
                .hset(versions(entry.conferenceId()), Map.of(entry.interpreterId(), Long.toString(entry.version())));
    }

    static InterpreterProfile parse(String json) {
        return JSON.readValue(json, InterpreterProfile.class);
    }

    private String profiles(String conferenceId) {
        return keys.key("roster", conferenceId, "profiles");
    }

    private String versions(String conferenceId) {
        return keys.key("roster", conferenceId, "versions");
    }

    private String ids(String conferenceId) {
        return keys.key("roster", conferenceId, "ids");
    }

    /** The e-mail's index key: a digest, so that no address appears in key names (nor in a key listing). */
    private String emailKey(String conferenceId, String email) {
        return keys.key("roster", conferenceId, "email", sha256(email));
    }

    private String registrationKey(String conferenceId, String registrationId) {
        return keys.key("roster", conferenceId, "registration", registrationId);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
