package dev.hybridconf.interpretation.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.needs.ChannelNeed;
import dev.hybridconf.interpretation.needs.SessionNeed;

/**
 * One booth (or sign-language team): a session's channel into one language, a problem fact. Everything the
 * constraints ask of it is computed once when the problem is built: times as epoch minutes, who can work
 * it directly or from the pivot, who is statically eligible (the seats' value range).
 */
final class Booth {

    final SessionNeed session;
    final ChannelNeed channel;
    final String key;
    final Norms norms;
    final ZoneId zone;
    final LocalDate day;
    final LocalTime localStart;
    final LocalTime localEnd;
    final boolean endsNextDay;
    final long start;
    final long end;
    final String room;
    final Delivery delivery;
    final List<String> directSources;
    /** The day and room and language: the unit "the same team in one room through a day" is counted on. */
    final RoomDay roomDay;

    /** Set while building: the booth this one takes relay from (null: works from the floor). */
    Booth pivot;
    /** Set while building: another booth of the session works from this one. */
    boolean givesRelay;
    int teamSize;
    /** Interpreters who can work from every floor language other than the target into it. */
    Set<Interpreter> direct = Set.of();
    /** Interpreters who can work from the pivot into the target but not directly. */
    Set<Interpreter> viaRelay = Set.of();
    Set<Interpreter> declined = Set.of();
    /** The seats' value range: competent, available, allowed by work mode, not declined. */
    List<Interpreter> candidates = new ArrayList<>();

    Booth(SessionNeed session, ChannelNeed channel, ZoneId fallbackZone, Norms norms) {
        this.session = session;
        this.channel = channel;
        this.key = session.sessionId() + "/" + channel.language();
        this.norms = norms;
        this.zone = session.timeZone() != null ? session.timeZone()
                : fallbackZone != null ? fallbackZone : ZoneId.of("UTC");
        this.day = session.day();
        ZonedDateTime localStartAt = session.start().atZone(zone);
        ZonedDateTime localEndAt = session.end().atZone(zone);
        this.localStart = localStartAt.toLocalTime();
        this.localEnd = localEndAt.toLocalTime();
        this.endsNextDay = localEndAt.toLocalDate().isAfter(day);
        this.start = minutes(session.start());
        this.end = minutes(session.end());
        this.room = session.room() == null || session.room().isBlank() ? null : session.room();
        this.delivery = channel.delivery() == null ? Delivery.ROOM : channel.delivery();
        this.directSources = session.floorLanguages().stream().filter(floor -> !floor.equals(channel.language()))
                .distinct().toList();
        this.roomDay = room == null ? null : new RoomDay(room, day, channel.language());
    }

    private static long minutes(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    String sessionId() {
        return session.sessionId();
    }

    String language() {
        return channel.language();
    }

    long minutes() {
        return end - start;
    }

    boolean onRelay() {
        return pivot != null;
    }

    /** Whether {@code interpreter} can work this booth at all: directly, or from the pivot when it is on relay. */
    boolean competent(Interpreter interpreter) {
        return direct.contains(interpreter) || (pivot != null && viaRelay.contains(interpreter));
    }

    /** Whether {@code interpreter} in this booth depends on relay (works from the pivot only). */
    boolean needsRelay(Interpreter interpreter) {
        return pivot != null && !direct.contains(interpreter) && viaRelay.contains(interpreter);
    }

    boolean overlaps(Booth other) {
        return start < other.end && other.start < end;
    }

    @Override
    public String toString() {
        return key;
    }

    record RoomDay(String room, LocalDate day, String language) {
    }
}
