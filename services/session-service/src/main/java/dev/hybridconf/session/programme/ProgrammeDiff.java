package dev.hybridconf.session.programme;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.hybridconf.contracts.session.ConferenceDay;
import dev.hybridconf.contracts.session.ConferenceEvent;
import dev.hybridconf.contracts.session.ConferencePublished;
import dev.hybridconf.contracts.session.ConferenceUpdated;
import dev.hybridconf.contracts.session.SessionCancelled;
import dev.hybridconf.contracts.session.SessionEvent;
import dev.hybridconf.contracts.session.SessionRescheduled;
import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.contracts.session.SessionUpdated;

/**
 * Compares a desired programme with the stored one and plans exactly the differences: a session new
 * (or back after a cancellation) is scheduled, one at other times rescheduled, one with other details
 * updated (both, when both changed), one no longer wanted cancelled; the conference is published when
 * new and updated when its details or days differ. Nothing different, nothing planned: that is what
 * makes an import idempotent.
 */
final class ProgrammeDiff {

    /** One session's change: as stored, as it will be, its events and changelog lines. */
    record SessionChange(ProgrammeSession before, ProgrammeSession after, List<SessionEvent> events,
            List<ChangelogEntry.Change> entries) {
    }

    /**
     * Everything one commit writes.
     *
     * @param before the conference as stored, or null when it is new
     * @param after  the conference with its next programme version
     */
    record Plan(Conference before, Conference after, List<ConferenceEvent> conferenceEvents,
            List<SessionChange> sessions, ChangelogEntry entry) {

        boolean changesNothing() {
            return conferenceEvents.isEmpty() && sessions.isEmpty();
        }

        long count(String type) {
            return entry.changes().stream().filter(c -> c.type().equals(type)).count();
        }
    }

    private ProgrammeDiff() {
    }

    /**
     * @param stored  the conference's stored sessions by key
     * @param desired a programme {@link ProgrammeRules} accepted; sessions of {@code stored} it does not name
     *                are cancelled
     */
    static Plan plan(Conference current, Map<String, ProgrammeSession> stored, ProgrammeDocument desired,
            Instant now, String origin) {
        long programmeVersion = current == null ? 1 : current.programmeVersion() + 1;
        ConferenceSpec spec = desired.conference();
        List<ProgrammeDay> days = desired.days().stream().map(DaySpec::toDay).toList();
        List<String> conferenceChanges = current == null ? List.of() : conferenceChanges(current, spec, days);
        long conferenceVersion = current == null ? 1 : current.version() + (conferenceChanges.isEmpty() ? 0 : 1);
        Conference next = new Conference(spec.id(), conferenceVersion, programmeVersion, spec.name(), spec.timeZone(),
                spec.languages(), spec.startDate(), spec.endDate(), spec.invitationOnly(), spec.registration(), days,
                current == null || !conferenceChanges.isEmpty() ? now : current.updatedAt());

        List<ConferenceEvent> conferenceEvents = new ArrayList<>();
        List<ChangelogEntry.Change> entries = new ArrayList<>();
        if (current == null) {
            conferenceEvents.add(published(next));
            entries.add(conferenceChange("CONFERENCE_PUBLISHED", next, List.of()));
        } else if (!conferenceChanges.isEmpty()) {
            conferenceEvents.add(updated(next));
            entries.add(conferenceChange("CONFERENCE_UPDATED", next, conferenceChanges));
        }

        List<SessionChange> sessions = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (SessionSpec session : desired.sessions()) {
            named.add(session.key());
            change(stored.get(session.key()), session.toSession(spec.id(), spec.timeZone()), programmeVersion)
                    .ifPresent(sessions::add);
        }
        for (ProgrammeSession left : stored.values()) {
            if (!named.contains(left.key())) {
                change(left, left.withStatus(SessionStatus.CANCELLED), programmeVersion).ifPresent(sessions::add);
            }
        }
        sessions.forEach(change -> entries.addAll(change.entries()));
        return new Plan(current, next, conferenceEvents, sessions,
                new ChangelogEntry(programmeVersion, now, origin, entries));
    }

    /** The change from {@code before} (null: none) to {@code desired}, if there is one. */
    static java.util.Optional<SessionChange> change(ProgrammeSession before, ProgrammeSession desired,
            long programmeVersion) {
        long version = before == null ? 1 : before.version() + 1;
        boolean wasOn = before != null && before.scheduled();
        if (!desired.scheduled()) {
            if (!wasOn) {
                return java.util.Optional.empty();
            }
            ProgrammeSession after = before.withStatus(SessionStatus.CANCELLED).withVersions(version, programmeVersion);
            return java.util.Optional.of(new SessionChange(before, after, List.of(cancelled(after)),
                    List.of(sessionChange("SESSION_CANCELLED", after, null, List.of()))));
        }
        ProgrammeSession after = desired.withVersions(version, programmeVersion);
        if (!wasOn) {
            return java.util.Optional.of(new SessionChange(before, after, List.of(scheduled(after)),
                    List.of(sessionChange("SESSION_SCHEDULED", after, null, List.of()))));
        }
        List<SessionEvent> events = new ArrayList<>();
        List<ChangelogEntry.Change> entries = new ArrayList<>();
        if (!desired.sameTimesAs(before)) {
            events.add(rescheduled(before, after));
            entries.add(sessionChange("SESSION_RESCHEDULED", after, before, List.of()));
        }
        List<String> changed = desired.detailsChangedFrom(before);
        if (!changed.isEmpty()) {
            events.add(updated(after, changed));
            entries.add(sessionChange("SESSION_UPDATED", after, null, changed));
        }
        if (events.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new SessionChange(before, after, events, entries));
    }

    private static List<String> conferenceChanges(Conference current, ConferenceSpec spec, List<ProgrammeDay> days) {
        List<String> changed = new ArrayList<>();
        if (!current.name().equals(spec.name())) {
            changed.add("name");
        }
        if (!current.timeZone().equals(spec.timeZone())) {
            changed.add("timeZone");
        }
        if (!current.languages().equals(spec.languages())) {
            changed.add("languages");
        }
        if (!current.startDate().equals(spec.startDate()) || !current.endDate().equals(spec.endDate())) {
            changed.add("dates");
        }
        if (current.invitationOnly() != spec.invitationOnly()) {
            changed.add("invitationOnly");
        }
        if (!current.registration().equals(spec.registration())) {
            changed.add("registration");
        }
        Map<java.time.LocalDate, Map<String, String>> before = new LinkedHashMap<>();
        current.days().forEach(d -> before.put(d.date(), d.theme()));
        Map<java.time.LocalDate, Map<String, String>> after = new LinkedHashMap<>();
        days.forEach(d -> after.put(d.date(), d.theme()));
        if (!Objects.equals(before, after)) {
            changed.add("days");
        }
        return changed;
    }

    private static ChangelogEntry.Change conferenceChange(String type, Conference conference, List<String> fields) {
        return new ChangelogEntry.Change(type, null, null, conference.name(), null, null, null, null, fields);
    }

    private static ChangelogEntry.Change sessionChange(String type, ProgrammeSession after, ProgrammeSession before,
            List<String> fields) {
        return new ChangelogEntry.Change(type, after.id(), after.key(), after.title(), after.start(), after.end(),
                before == null ? null : before.start(), before == null ? null : before.end(), fields);
    }

    private static List<ConferenceDay> days(Conference conference) {
        return conference.days().stream().map(d -> new ConferenceDay(d.date(), d.theme())).toList();
    }

    private static ConferencePublished published(Conference c) {
        return new ConferencePublished(c.id(), c.programmeVersion(), c.version(), c.name(), c.timeZone().getId(),
                c.languages(), c.startDate(), c.endDate(), c.invitationOnly(), c.registration(), days(c));
    }

    private static ConferenceUpdated updated(Conference c) {
        return new ConferenceUpdated(c.id(), c.programmeVersion(), c.version(), c.name(), c.timeZone().getId(),
                c.languages(), c.startDate(), c.endDate(), c.invitationOnly(), c.registration(), days(c));
    }

    private static SessionScheduled scheduled(ProgrammeSession s) {
        return new SessionScheduled(s.id(), s.conferenceId(), s.programmeVersion(), s.version(), s.kind().name(),
                s.day(), s.start(), s.end(), s.zone().getId(), s.format().name(), s.floorLanguages(),
                s.publiclyStreamed(), s.capacity(), s.moderatorIds(), s.rapporteurId(), s.room(), s.track(), s.slot(),
                s.title());
    }

    private static SessionUpdated updated(ProgrammeSession s, List<String> changed) {
        return new SessionUpdated(s.id(), s.conferenceId(), s.programmeVersion(), s.version(), s.kind().name(),
                s.day(), s.start(), s.end(), s.zone().getId(), s.format().name(), s.floorLanguages(),
                s.publiclyStreamed(), s.capacity(), s.moderatorIds(), s.rapporteurId(), s.room(), s.track(), s.slot(),
                s.title(), changed);
    }

    private static SessionRescheduled rescheduled(ProgrammeSession before, ProgrammeSession after) {
        return new SessionRescheduled(after.id(), after.conferenceId(), after.programmeVersion(), after.version(),
                after.kind().name(), after.format().name(), before.day(), before.start(), before.end(), after.day(),
                after.start(), after.end(), after.zone().getId());
    }

    private static SessionCancelled cancelled(ProgrammeSession s) {
        return new SessionCancelled(s.id(), s.conferenceId(), s.programmeVersion(), s.version(), s.kind().name(),
                s.day(), s.start(), s.end(), s.zone().getId());
    }
}
