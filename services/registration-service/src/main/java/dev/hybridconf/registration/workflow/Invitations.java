package dev.hybridconf.registration.workflow;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import dev.hybridconf.contracts.registration.InvitationIssued;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;

/**
 * Invitations: an organiser invites an e-mail address, optionally with roles and without review.
 * The invitation's code (in its link) is shown once; only its SHA-256 is stored. An invitation is
 * spent by the registration that uses it, in the same atomic step that stores the registration.
 *
 * <p>An invitation is to one conference. Redis keys: {@code invitation:<id>} (hash, with its
 * {@code conferenceId}), {@code invitation-code:<sha256>} (id, expiring),
 * {@code invitation-email:<conferenceId>:<email>} (one open invitation per address and conference),
 * {@code invitations:<conferenceId>} (the conference's ids by creation time).
 */
@Service
class Invitations {

    private static final SecureRandom RANDOM = new SecureRandom();

    enum Status {
        ISSUED,
        USED,
        REVOKED
    }

    /**
     * An invitation as organisers see it (never with its code).
     *
     * @param conferenceId the conference the invitation is to
     * @param language     the language the invitation is written in (and the portal opens in)
     */
    record Invitation(String id, String conferenceId, String email, List<String> roles, boolean skipReview, String language, Status status,
            Instant createdAt, String registrationId) {
    }

    /** A new invitation and, this once, its code and link. */
    record Issued(Invitation invitation, String code, URI link) {
    }

    private final RedisStore store;
    private final KeySpace keys;
    private final Clock clock;
    private final RegistrationSettings settings;
    private final ConferenceRules conferences;
    private final String portalUrl;

    Invitations(RedisStore store, Clock clock, RegistrationSettings settings, ConferenceRules conferences,
            @Value("${platform.identity.portal-url:http://localhost:8080}") String portalUrl) {
        this.store = store;
        this.keys = store.keys();
        this.clock = clock;
        this.settings = settings;
        this.conferences = conferences;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
    }

    /**
     * Invites one address to a conference, the invitation written in {@code language} (en, fr, es).
     *
     * @throws NotFoundException when the session service never published the conference
     * @throws ConflictException when the address already has an open invitation to, or a registration for,
     *                           the conference
     */
    Issued issue(String conferenceId, String email, List<String> roles, boolean skipReview, String language) {
        conferences.require(conferenceId);
        String address = Registration.normaliseEmail(email);
        String lang = language == null ? "en" : language;
        Invitation invitation = new Invitation(UUID.randomUUID().toString(), conferenceId, address,
                Registration.Roles.normalise(roles), skipReview, lang, Status.ISSUED, clock.instant(), null);
        String code = newCode();
        store.atomically()
                .requireAbsent(keys.key("email", conferenceId, address),
                        () -> new ConflictException("duplicate-registration", "registration.already-registered"))
                .requireAbsent(emailKey(conferenceId, address),
                        () -> new ConflictException("already-invited", "invitation.already-invited", address))
                .set(emailKey(conferenceId, address), invitation.id())
                .hset(invitationKey(invitation.id()), toHash(invitation))
                .zadd(indexKey(conferenceId), invitation.createdAt().toEpochMilli(), invitation.id())
                .set(codeKey(code), invitation.id())
                .expire(codeKey(code), settings.invitationLifetime())
                .emit(new InvitationIssued(invitation.id(), conferenceId, lang, skipReview))
                .execute();
        return new Issued(invitation, code, link(code, lang, conferenceId));
    }

    /**
     * A new code for an open invitation, for the invitation e-mail (the organiser's copy of the first
     * code stays valid too; whichever is used first spends the invitation).
     */
    Optional<Issued> freshCode(String id) {
        Optional<Invitation> open = find(id).filter(invitation -> invitation.status() == Status.ISSUED);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        String code = newCode();
        store.atomically()
                .requireField(invitationKey(id), "status", Status.ISSUED.name(), InvitationException::invalid)
                .set(codeKey(code), id)
                .expire(codeKey(code), settings.invitationLifetime())
                .execute();
        return Optional.of(new Issued(open.get(), code, link(code, open.get().language(), open.get().conferenceId())));
    }

    /** The portal opens the conference's form, with the code filled in. */
    private URI link(String code, String language, String conferenceId) {
        return URI.create(portalUrl + "/?invitation=" + code + "&lang=" + language
                + (conferenceId == null ? "" : "&conference=" + conferenceId));
    }

    /**
     * The invitation a submission uses. Without a code: empty, unless the conference is
     * invitation-only. With one: it must be open, issued to the submitted address and to the conference
     * registered for.
     */
    Optional<Invitation> forSubmission(String code, String email, String conferenceId, boolean invitationOnly) {
        if (code == null || code.isBlank()) {
            if (invitationOnly) {
                throw InvitationException.required();
            }
            return Optional.empty();
        }
        Invitation invitation = Optional.ofNullable(store.redis().get(codeKey(code.strip())))
                .flatMap(this::find)
                .filter(found -> found.status() == Status.ISSUED)
                .filter(found -> found.email().equals(Registration.normaliseEmail(email)))
                .filter(found -> conferenceId.equals(found.conferenceId()))
                .orElseThrow(InvitationException::invalid);
        return Optional.of(invitation);
    }

    /** Adds to {@code write}: the invitation must still be open, and becomes used by the registration. */
    void spend(AtomicWrite write, Invitation invitation, String registrationId) {
        String key = invitationKey(invitation.id());
        write.requireField(key, "status", Status.ISSUED.name(), InvitationException::invalid)
                .hset(key, Map.of("status", Status.USED.name(), "registrationId", registrationId))
                .delete(emailKey(invitation.conferenceId(), invitation.email()));
    }

    /**
     * Adds to {@code write}: removes the invitation of an erased participant's registration for the conference,
     * whatever its state (their invitations to other conferences stay).
     */
    void eraseFor(AtomicWrite write, String conferenceId, String email, String invitationId) {
        write.delete(emailKey(conferenceId, email));
        if (invitationId != null) {
            write.delete(invitationKey(invitationId)).zrem(indexKey(conferenceId), invitationId);
        }
    }

    Invitation revoke(String id) {
        Invitation invitation = find(id).orElseThrow(() -> new NotFoundException("invitation.not-found", id));
        store.atomically()
                .requireField(invitationKey(id), "status", Status.ISSUED.name(),
                        () -> new ConflictException("invitation-used", "invitation.not-open", id))
                .hset(invitationKey(id), Map.of("status", Status.REVOKED.name()))
                .delete(emailKey(invitation.conferenceId(), invitation.email()))
                .execute();
        return find(id).orElseThrow();
    }

    Optional<Invitation> find(String id) {
        Map<String, String> hash = store.redis().hgetAll(invitationKey(id));
        return hash == null || hash.isEmpty() ? Optional.empty() : Optional.of(fromHash(hash));
    }

    /** A conference's invitations, newest first, one page. */
    List<Invitation> page(String conferenceId, int page, int size) {
        List<Invitation> result = new ArrayList<>();
        for (String id : store.redis().zrevrange(indexKey(conferenceId), (long) page * size,
                (long) page * size + size - 1)) {
            find(id).ifPresent(result::add);
        }
        return result;
    }

    long count(String conferenceId) {
        return store.redis().zcard(indexKey(conferenceId));
    }

    private static Map<String, String> toHash(Invitation invitation) {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("id", invitation.id());
        hash.put("conferenceId", invitation.conferenceId());
        hash.put("email", invitation.email());
        hash.put("roles", String.join(",", invitation.roles()));
        hash.put("skipReview", Boolean.toString(invitation.skipReview()));
        hash.put("language", invitation.language());
        hash.put("status", invitation.status().name());
        hash.put("createdAt", invitation.createdAt().toString());
        return hash;
    }

    private Invitation fromHash(Map<String, String> hash) {
        String conference = hash.get("conferenceId");
        return new Invitation(hash.get("id"),
                conference == null || conference.isEmpty() ? conferences.defaultConference() : conference, hash.get("email"), List.of(hash.get("roles").split(",")),
                Boolean.parseBoolean(hash.get("skipReview")), hash.getOrDefault("language", "en"),
                Status.valueOf(hash.get("status")),
                Instant.parse(hash.get("createdAt")), hash.get("registrationId"));
    }

    private static String newCode() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String invitationKey(String id) {
        return keys.key("invitation", id);
    }

    String emailKey(String conferenceId, String email) {
        return keys.key("invitation-email", conferenceId, email);
    }

    private String codeKey(String code) {
        return keys.key("invitation-code", sha256(code));
    }

    String indexKey(String conferenceId) {
        return keys.key("invitations", conferenceId);
    }

    private static String sha256(String code) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
