package dev.hybridconf.session.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

/**
 * A session of a conference's programme as stored. Its times are instants plus the zone they were
 * set in (the conference's), so a session means the same moment for every viewer and renders in any
 * zone; its {@link #day()} is the local date in that zone.
 *
 * @param id               derived from the conference and {@link #key} ({@link #idFor}), so an import always
 *                         finds the same session again
 * @param key              the stable key an import file gives the session (generated when an organiser creates
 *                         it without one)
 * @param version          the session's own version, +1 on every change
 * @param programmeVersion the programme version of the session's last change
 * @param capacity         places (breakouts), or null when unlimited
 * @param room             room or venue, or null (online only)
 * @param moderatorIds     registration ids
 * @param speakers         speakers' names as printed in the programme (never sent in events)
 * @param rapporteurId     registration id, or null
 * @param slot             breakouts of one slot run in parallel in different rooms; null when none
 */
public record ProgrammeSession(
        String id,
        String conferenceId,
        String key,
        long version,
        long programmeVersion,
        SessionKind kind,
        SessionStatus status,
        Instant start,
        Instant end,
        ZoneId zone,
        String room,
        String track,
        List<String> floorLanguages,
        SessionFormat format,
        boolean publiclyStreamed,
        Integer capacity,
        List<String> moderatorIds,
        List<String> speakers,
        String rapporteurId,
        Map<String, String> title,
        Map<String, String> description,
        String slot) {

    public ProgrammeSession {
        floorLanguages = List.copyOf(floorLanguages);
        moderatorIds = List.copyOf(moderatorIds);
        speakers = List.copyOf(speakers);
        title = Languages.ordered(title);
        description = Languages.ordered(description);
    }

    /** The id of the session with {@code key} in a conference: the same on every replica and every import. */
    public static String idFor(String conferenceId, String key) {
        return UUID.nameUUIDFromBytes((conferenceId + "\n" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The conference day the session belongs to: its start's local date in the conference zone. */
    public LocalDate day() {
        return start.atZone(zone).toLocalDate();
    }

    public boolean scheduled() {
        return status == SessionStatus.SCHEDULED;
    }

    /** Whether the two are at the same times (start, end and zone). */
    boolean sameTimesAs(ProgrammeSession other) {
        return start.equals(other.start) && end.equals(other.end) && zone.equals(other.zone);
    }

    /** The names of the details (all but identity, versions, status and times) that differ from {@code other}. */
    List<String> detailsChangedFrom(ProgrammeSession other) {
        List<String> changed = new ArrayList<>();
        compare(changed, "kind", kind, other.kind);
        compare(changed, "room", room, other.room);
        compare(changed, "track", track, other.track);
        compare(changed, "floorLanguages", floorLanguages, other.floorLanguages);
        compare(changed, "format", format, other.format);
        compare(changed, "publiclyStreamed", publiclyStreamed, other.publiclyStreamed);
        compare(changed, "capacity", capacity, other.capacity);
        compare(changed, "moderatorIds", moderatorIds, other.moderatorIds);
        compare(changed, "speakers", speakers, other.speakers);
        compare(changed, "rapporteurId", rapporteurId, other.rapporteurId);
        compare(changed, "title", title, other.title);
        compare(changed, "description", description, other.description);
        compare(changed, "slot", slot, other.slot);
        return changed;
    }

    private static void compare(List<String> changed, String name, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            changed.add(name);
        }
    }

    ProgrammeSession withStatus(SessionStatus next) {
        return new ProgrammeSession(id, conferenceId, key, version, programmeVersion, kind, next, start, end, zone,
                room, track, floorLanguages, format, publiclyStreamed, capacity, moderatorIds, speakers, rapporteurId,
                title, description, slot);
    }

    ProgrammeSession withVersions(long nextVersion, long nextProgrammeVersion) {
        return new ProgrammeSession(id, conferenceId, key, nextVersion, nextProgrammeVersion, kind, status, start, end,
                zone, room, track, floorLanguages, format, publiclyStreamed, capacity, moderatorIds, speakers,
                rapporteurId, title, description, slot);
    }

    Map<String, String> toHash() {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("id", id);
        hash.put("conferenceId", conferenceId);
        hash.put("key", key);
        hash.put("version", Long.toString(version));
        hash.put("programmeVersion", Long.toString(programmeVersion));
        hash.put("kind", kind.name());
        hash.put("status", status.name());
        hash.put("start", start.toString());
        hash.put("end", end.toString());
        hash.put("zone", zone.getId());
        hash.put("room", HashCodec.optional(room));
        hash.put("track", HashCodec.optional(track));
        hash.put("floorLanguages", HashCodec.codes(floorLanguages));
        hash.put("format", format.name());
        hash.put("publiclyStreamed", Boolean.toString(publiclyStreamed));
        hash.put("capacity", capacity == null ? HashCodec.NONE : capacity.toString());
        hash.put("moderatorIds", HashCodec.codes(moderatorIds));
        hash.put("speakers", HashCodec.names(speakers));
        hash.put("rapporteurId", HashCodec.optional(rapporteurId));
        hash.put("title", HashCodec.texts(title));
        hash.put("description", HashCodec.texts(description));
        hash.put("slot", HashCodec.optional(slot));
        return hash;
    }

    static ProgrammeSession fromHash(Map<String, String> hash) {
        String capacity = HashCodec.field(hash, "capacity");
        return new ProgrammeSession(hash.get("id"), hash.get("conferenceId"), hash.get("key"),
                Long.parseLong(hash.get("version")), Long.parseLong(hash.get("programmeVersion")),
                SessionKind.valueOf(hash.get("kind")), SessionStatus.valueOf(hash.get("status")),
                Instant.parse(hash.get("start")), Instant.parse(hash.get("end")), ZoneId.of(hash.get("zone")),
                HashCodec.field(hash, "room"), HashCodec.field(hash, "track"),
                HashCodec.codes(hash.get("floorLanguages")), SessionFormat.valueOf(hash.get("format")),
                Boolean.parseBoolean(hash.get("publiclyStreamed")), capacity == null ? null : Integer.valueOf(capacity),
                HashCodec.codes(hash.get("moderatorIds")), HashCodec.names(hash.get("speakers")),
                HashCodec.field(hash, "rapporteurId"), HashCodec.texts(hash.get("title")),
                HashCodec.texts(hash.get("description")), HashCodec.field(hash, "slot"));
    }
}
