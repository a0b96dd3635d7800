package dev.hybridconf.interpretation.planning;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.needs.ChannelNeed;
import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.planning.StaffingSolution.BoothPlan;
import dev.hybridconf.interpretation.planning.StaffingSolution.SeatPlan;
import dev.hybridconf.interpretation.roster.Availability;
import dev.hybridconf.interpretation.roster.DayPart;
import dev.hybridconf.interpretation.roster.InterpreterProfile;
import dev.hybridconf.interpretation.roster.LanguageClass;
import dev.hybridconf.interpretation.roster.LanguageSkill;
import dev.hybridconf.interpretation.roster.WorkMode;

/** Object mother for planning tests: sessions, channels and interpreters in a line each. */
final class Problems {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final LocalDate DAY = LocalDate.of(2021, 2, 16);
    static final String CONFERENCE = "uclg-2021";

    private Problems() {
    }

    /** A session on {@link #DAY} from {@code from} to {@code to} (Madrid time), e.g. {@code "09:00", "10:30"}. */
    static SessionNeed session(String id, String from, String to, String room, List<String> floor, boolean relayAllowed,
            ChannelNeed... channels) {
        return session(id, DAY, from, to, room, floor, relayAllowed, channels);
    }

    static SessionNeed session(String id, LocalDate day, String from, String to, String room, List<String> floor,
            boolean relayAllowed, ChannelNeed... channels) {
        return new SessionNeed(id, CONFERENCE, "BREAKOUT", day,
                day.atTime(LocalTime.parse(from)).atZone(MADRID).toInstant(),
                day.atTime(LocalTime.parse(to)).atZone(MADRID).toInstant(), MADRID, room, null,
                room == null ? "ONLINE" : "HYBRID", floor, relayAllowed, Arrays.asList(channels), Map.of("en", id));
    }

    /** The same session at another time (a programme change). */
    static SessionNeed moved(SessionNeed session, String from, String to) {
        return new SessionNeed(session.sessionId(), session.conferenceId(), session.kind(), session.day(),
                session.day().atTime(LocalTime.parse(from)).atZone(MADRID).toInstant(),
                session.day().atTime(LocalTime.parse(to)).atZone(MADRID).toInstant(), session.timeZone(), session.room(),
                session.slot(), session.format(), session.floorLanguages(), session.relayAllowed(), session.channels(),
                session.title());
    }

    static ChannelNeed channel(String language, Delivery delivery) {
        return new ChannelNeed(language, false, delivery, 10, 10, false);
    }

    /**
     * An interpreter: {@code languages} as {@code "fr-A"}, {@code "en-B*"} (B with retour), {@code "es-C"}; available
     * the whole of {@link #DAY} unless {@code availability} says otherwise.
     */
    static InterpreterProfile interpreter(String id, WorkMode mode, List<Availability> availability, String... languages) {
        List<LanguageSkill> skills = new ArrayList<>();
        for (String language : languages) {
            String[] parts = language.split("-");
            boolean retour = parts[1].endsWith("*");
            skills.add(new LanguageSkill(parts[0], LanguageClass.valueOf(parts[1].replace("*", "")), retour));
        }
        return new InterpreterProfile(id, CONFERENCE, null, id, id + "@example.org", id + "@zoom.example.org", skills,
                mode, availability, Set.of(), 1);
    }

    static InterpreterProfile interpreter(String id, WorkMode mode, String... languages) {
        return interpreter(id, mode, List.of(new Availability(DAY, DayPart.DAY)), languages);
    }

    static InterpreterProfile withPartners(InterpreterProfile profile, String... partners) {
        return new InterpreterProfile(profile.interpreterId(), profile.conferenceId(), profile.registrationId(),
                profile.name(), profile.email(), profile.zoomEmail(), profile.languages(), profile.mode(),
                profile.availability(), Set.of(partners), profile.version());
    }

    static StaffingProblem problem(List<SessionNeed> sessions, List<InterpreterProfile> interpreters) {
        return new StaffingProblem(CONFERENCE, MADRID, sessions, interpreters, List.of(), List.of(), Norms.AIIC);
    }

    static StaffingProblem problem(List<SessionNeed> sessions, List<InterpreterProfile> interpreters,
            List<StaffingProblem.Pin> pins, List<StaffingProblem.Decline> declines, Norms norms) {
        return new StaffingProblem(CONFERENCE, MADRID, sessions, interpreters, pins, declines, norms);
    }

    /** A planner that stops on its own after a few thousand unimproved steps: fast, and the same plan every run. */
    static TimefoldStaffingPlanner planner() {
        return new TimefoldStaffingPlanner(Norms.AIIC, SolverTuning.forTests(1_000));
    }

    static final SolveLimits LIMITS = new SolveLimits(Duration.ofMinutes(2), null);

    static BoothPlan booth(StaffingSolution solution, String sessionId, String language) {
        return solution.booths().stream()
                .filter(booth -> booth.sessionId().equals(sessionId) && booth.language().equals(language))
                .findFirst().orElseThrow(() -> new AssertionError("no booth " + sessionId + "/" + language));
    }

    /** The booth's seats as interpreter ids in seat order, null for a gap. */
    static List<String> seats(StaffingSolution solution, String sessionId, String language) {
        return booth(solution, sessionId, language).seats().stream().map(SeatPlan::interpreterId).toList();
    }

    /** Every filled seat of a plan as a pin (what publishing does). */
    static List<StaffingProblem.Pin> pinsOf(StaffingSolution solution) {
        List<StaffingProblem.Pin> pins = new ArrayList<>();
        for (BoothPlan booth : solution.booths()) {
            for (SeatPlan seat : booth.seats()) {
                if (seat.interpreterId() != null) {
                    pins.add(new StaffingProblem.Pin(booth.sessionId(), booth.language(), seat.seat(), seat.interpreterId()));
                }
            }
        }
        return pins;
    }
}
