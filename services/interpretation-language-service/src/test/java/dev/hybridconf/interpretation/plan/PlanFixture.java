package dev.hybridconf.interpretation.plan;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.needs.ChannelNeed;
import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.roster.Availability;
import dev.hybridconf.interpretation.roster.DayPart;
import dev.hybridconf.interpretation.roster.InterpreterProfile;
import dev.hybridconf.interpretation.roster.LanguageClass;
import dev.hybridconf.interpretation.roster.LanguageSkill;
import dev.hybridconf.interpretation.roster.WorkMode;

/**
 * A small conference, checked by hand (object mother of the plan's tests), on 16 February 2021 in Madrid:
 * <ul>
 * <li>{@code plenary} 09:00–10:30, Auditorium, hybrid, floor English; French and Spanish, both in the room and on
 * Zoom;</li>
 * <li>{@code online} 11:00–12:30, online, floor Spanish; English and French on Zoom;</li>
 * <li>{@code roomc} 11:00–12:30, Room C, in person, floor French; English in the room.</li>
 * </ul>
 * Seven interpreters. The test planner staffs the plenary's French booth with Amélie and Bruno, its Spanish booth with
 * Carmen (remote) and Diego, the online session's English booth with Emma (remote) and nobody else (a gap: the others
 * with English A have no Spanish, Carmen's English is a B without retour), its French booth with Amélie and Bruno, and
 * Room C's English booth with Finn and Grace (Emma is remote, and that channel is in the room only). Ten seats, one
 * gap, no hard rule broken.
 */
final class PlanFixture {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final LocalDate DAY = LocalDate.of(2021, 2, 16);

    final String conferenceId;
    final String plenary;
    final String online;
    final String roomC;
    final List<InterpreterProfile> interpreters = new ArrayList<>();

    PlanFixture(String conferenceId) {
        this.conferenceId = conferenceId;
        this.plenary = sessionId("plenary");
        this.online = sessionId("online");
        this.roomC = sessionId("roomc");
        add("amelie", "Amélie Martin", WorkMode.ON_SITE, skill("fr", LanguageClass.A), skill("en", LanguageClass.B),
                skill("es", LanguageClass.C));
        add("bruno", "Bruno Lefèvre", WorkMode.ON_SITE, skill("fr", LanguageClass.A), skill("en", LanguageClass.C),
                skill("es", LanguageClass.C));
        add("carmen", "Carmen Ruiz", WorkMode.REMOTE, skill("es", LanguageClass.A), skill("en", LanguageClass.B));
        add("diego", "Diego Herrera", WorkMode.ON_SITE, skill("es", LanguageClass.A), skill("en", LanguageClass.C),
                skill("fr", LanguageClass.C));
        add("emma", "Emma Brown", WorkMode.REMOTE, skill("en", LanguageClass.A), skill("fr", LanguageClass.C),
                skill("es", LanguageClass.C));
        add("finn", "Finn O'Neill", WorkMode.ON_SITE, skill("en", LanguageClass.A), skill("fr", LanguageClass.B));
        add("grace", "Grace Okafor", WorkMode.ON_SITE, skill("en", LanguageClass.A), skill("fr", LanguageClass.C));
    }

    /** The interpreter's roster id ({@code amelie}, {@code bruno} ...). */
    String interpreter(String key) {
        return conferenceId + "-" + key;
    }

    /** The registration (token subject) of an interpreter. */
    String registration(String key) {
        return UUID.nameUUIDFromBytes((conferenceId + "/registration/" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    String sessionId(String key) {
        return UUID.nameUUIDFromBytes((conferenceId + "/" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    String assignment(String sessionId, String language, int seat) {
        return PublishedPlan.assignmentId(conferenceId, sessionId, language, seat);
    }

    List<SessionNeed> sessions() {
        return List.of(plenary(LocalTime.of(9, 0), LocalTime.of(10, 30), "Financing local action"),
                onlineSession(List.of(channel("en", Delivery.ZOOM), channel("fr", Delivery.ZOOM))),
                roomCSession(List.of(channel("en", Delivery.ROOM))));
    }

    SessionNeed plenary(LocalTime from, LocalTime to, String title) {
        return session(plenary, "PLENARY", from, to, "Auditorium", "HYBRID", List.of("en"),
                List.of(channel("fr", Delivery.BOTH), channel("es", Delivery.BOTH)), title);
    }

    SessionNeed onlineSession(List<ChannelNeed> channels) {
        return session(online, "BREAKOUT", LocalTime.of(11, 0), LocalTime.of(12, 30), null, "ONLINE", List.of("es"),
                channels, "Ciudades que cuidan");
    }

    SessionNeed roomCSession(List<ChannelNeed> channels) {
        return session(roomC, "BREAKOUT", LocalTime.of(11, 0), LocalTime.of(12, 30), "Room C", "IN_PERSON",
                List.of("fr"), channels, "Villes en transition");
    }

    SessionNeed session(String id, String kind, LocalTime from, LocalTime to, String room, String format,
            List<String> floor, List<ChannelNeed> channels, String title) {
        return new SessionNeed(id, conferenceId, kind, DAY, LocalDateTime.of(DAY, from).atZone(MADRID).toInstant(),
                LocalDateTime.of(DAY, to).atZone(MADRID).toInstant(), MADRID, room, null, format, floor, false,
                channels, Map.of("en", title, "fr", title + " (fr)", "es", title + " (es)"));
    }

    static ChannelNeed channel(String language, Delivery delivery) {
        return new ChannelNeed(language, false, delivery, delivery == Delivery.ZOOM ? 0 : 3,
                delivery == Delivery.ROOM ? 0 : 5, false);
    }

    private void add(String key, String name, WorkMode mode, LanguageSkill... skills) {
        interpreters.add(new InterpreterProfile(interpreter(key), conferenceId, registration(key), name,
                key + "@interpreters.example.org", key + "@zoom.example.org", List.of(skills), mode,
                List.of(new Availability(DAY, DayPart.DAY)), Set.of(), 1));
    }

    private static LanguageSkill skill(String language, LanguageClass level) {
        return new LanguageSkill(language, level, false);
    }

    /** The same roster, with the interpreter {@code key} signing in as {@code registrationId}. */
    PlanFixture signingInAs(String key, String registrationId) {
        for (int i = 0; i < interpreters.size(); i++) {
            InterpreterProfile p = interpreters.get(i);
            if (p.interpreterId().equals(interpreter(key))) {
                interpreters.set(i, new InterpreterProfile(p.interpreterId(), p.conferenceId(), registrationId, p.name(),
                        p.email(), p.zoomEmail(), p.languages(), p.mode(), p.availability(), p.preferredPartners(),
                        p.version()));
            }
        }
        return this;
    }

    /** Puts the conference into the test ports. */
    PlanFixture install(FixedSessionNeeds needs, FixedRoster roster) {
        needs.put(conferenceId, MADRID, sessions());
        roster.put(conferenceId, interpreters);
        return this;
    }

    static String newConferenceId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
