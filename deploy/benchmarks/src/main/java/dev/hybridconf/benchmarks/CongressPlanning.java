package dev.hybridconf.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.needs.ChannelNeed;
import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.planning.Norms;
import dev.hybridconf.interpretation.planning.PlanScore;
import dev.hybridconf.interpretation.planning.SolveLimits;
import dev.hybridconf.interpretation.planning.StaffingProblem;
import dev.hybridconf.interpretation.planning.StaffingSolution;
import dev.hybridconf.interpretation.planning.TimefoldStaffingPlanner;
import dev.hybridconf.interpretation.roster.Availability;
import dev.hybridconf.interpretation.roster.DayPart;
import dev.hybridconf.interpretation.roster.InterpreterProfile;
import dev.hybridconf.interpretation.roster.LanguageClass;
import dev.hybridconf.interpretation.roster.LanguageSkill;
import dev.hybridconf.interpretation.roster.WorkMode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How fast the interpretation planner staffs a UCLG-sized week: a generated five-day congress (8 parallel
 * sessions in every slot, 4 or 5 slots a day, 3 booths each) and a roster of 45 interpreters with the
 * language mixes, work modes and availability such a week has. It runs the service's own planner (Timefold,
 * production settings) in this process and writes the time to the first feasible plan (no hard rule broken),
 * the final score, the gaps and the hiring they add up to. Not a test: it measures (docs/performance.md).
 *
 * <pre>
 * java -cp 'deploy/benchmarks/target/benchmarks.jar:deploy/benchmarks/target/lib/*' \
 *     dev.hybridconf.benchmarks.CongressPlanning --spent 120 --unimproved 30 --out benchmarks/congress-planning.json
 * </pre>
 */
public final class CongressPlanning {

    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 5);
    static final int DAYS = 5;
    static final int PARALLEL = 8;
    static final int INTERPRETERS = 45;
    private static final String CONFERENCE = "congress-benchmark";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * The day: two morning sessions 20 minutes apart (one block of work), two in the afternoon, and on Tuesday
     * and Thursday a fifth, evening one that would make the afternoon block too long for whoever did both
     * afternoon sessions.
     */
    private static final String[][] SLOTS = {
            {"09:00", "10:30"}, {"10:50", "12:20"}, {"14:00", "15:30"}, {"15:50", "17:20"}, {"17:40", "18:40"}};

    private final int spent;
    private final int unimproved;
    private final long seed;
    private final Path out;
    private final PrintStream log;

    CongressPlanning(Map<String, String> options, PrintStream log) {
        this.spent = positive(options, "spent", 120, 3_600);
        this.unimproved = positive(options, "unimproved", 30, 3_600);
        this.seed = positive(options, "seed", 2026, Integer.MAX_VALUE);
        this.out = Path.of(options.getOrDefault("out", "benchmarks/congress-planning.json"));
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        if (options == null) {
            System.out.println("""
                    Usage: java -cp benchmarks.jar dev.hybridconf.benchmarks.CongressPlanning [options]
                      --spent N       seconds the solver may run in all (default 120)
                      --unimproved N  once feasible, seconds without a better plan before it stops (default 30)
                      --seed N        the generator's seed (default 2026): the same seed, the same congress
                      --out PATH      the JSON file the figures go to (default benchmarks/congress-planning.json)""");
            return;
        }
        new CongressPlanning(options, System.out).run();
    }

    void run() throws Exception {
        StaffingProblem problem = congress(seed);
        int seats = problem.sessions().stream()
                .mapToInt(session -> session.channels().size() * Norms.AIIC.teamSize(session.length(), false)).sum();
        log.printf("congress: %d sessions, %d booths, at least %d seats, %d interpreters; solving for up to %d s%n",
                problem.sessions().size(), problem.sessions().stream().mapToInt(s -> s.channels().size()).sum(), seats,
                problem.interpreters().size(), spent);
        List<Map<String, Object>> timeline = new ArrayList<>();
        StaffingSolution solution = new TimefoldStaffingPlanner(Norms.AIIC).solve(problem,
                new SolveLimits(Duration.ofSeconds(spent), Duration.ofSeconds(unimproved)), progress -> {
                    Map<String, Object> point = new LinkedHashMap<>();
                    point.put("elapsedMillis", progress.elapsed().toMillis());
                    point.put("score", progress.bestScore().toString());
                    timeline.add(point);
                });
        PlanScore score = solution.score();
        long mediumReachedMillis = timeline.stream()
                .filter(point -> PlanScoreText.medium((String) point.get("score")) == score.medium())
                .mapToLong(point -> (Long) point.get("elapsedMillis")).min().orElse(solution.spent().toMillis());
        int seatCount = solution.booths().stream().mapToInt(booth -> booth.seats().size()).sum();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "congress-planning");
        report.put("at", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("java", System.getProperty("java.version"));
        report.put("seed", seed);
        report.put("days", DAYS);
        report.put("sessions", problem.sessions().size());
        report.put("booths", solution.booths().size());
        report.put("seats", seatCount);
        report.put("relayBooths", solution.booths().stream().filter(booth -> booth.relayFrom() != null).count());
        report.put("interpreters", problem.interpreters().size());
        report.put("spentLimitSeconds", spent);
        report.put("unimprovedLimitSeconds", unimproved);
        report.put("timeToFeasibleMillis", solution.timeToFeasible() == null ? null : solution.timeToFeasible().toMillis());
        report.put("timeToFinalGapsMillis", mediumReachedMillis);
        report.put("spentMillis", solution.spent().toMillis());
        report.put("score", score.toString());
        report.put("feasible", score.feasible());
        report.put("violations", solution.violations().size());
        report.put("gaps", solution.gaps().size());
        report.put("filledSeats", seatCount - solution.gaps().size());
        report.put("hiringSuggestions", solution.hiring().size());
        report.put("hiringPeopleDays", solution.hiring().stream().mapToInt(StaffingSolution.HiringSuggestion::interpreters)
                .sum());
        report.put("timeline", timeline);
        log.printf("feasible after %s, final score %s after %s: %d gaps of %d seats, %d violations, %d hiring suggestions%n",
                solution.timeToFeasible(), score, solution.spent(), solution.gaps().size(), seatCount,
                solution.violations().size(), solution.hiring().size());
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writeValue(out.toFile(), report);
        log.println("Figures written to " + out.toAbsolutePath());
    }

    /**
     * The congress: every slot has 8 parallel sessions in rooms 1–8 (rooms 1–4 hybrid, 5–6 in the room only,
     * 7–8 online). The floor speaks English (half the sessions), French or Spanish; each session needs the
     * other two of English, French and Spanish and a third booth: Arabic in rooms 1, 3, 5, 7 and Portuguese in
     * the others, both allowed to work on relay.
     */
    static StaffingProblem congress(long seed) {
        Random random = new Random(seed);
        List<SessionNeed> sessions = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            LocalDate date = FIRST_DAY.plusDays(day);
            int slots = day == 1 || day == 3 ? 5 : 4;
            for (int slot = 0; slot < slots; slot++) {
                for (int room = 1; room <= PARALLEL; room++) {
                    double pick = random.nextDouble();
                    String floor = pick < 0.5 ? "en" : pick < 0.8 ? "fr" : "es";
                    Delivery delivery = room <= 4 ? Delivery.BOTH : room <= 6 ? Delivery.ROOM : Delivery.ZOOM;
                    List<ChannelNeed> channels = new ArrayList<>();
                    for (String language : List.of("en", "fr", "es")) {
                        if (!language.equals(floor)) {
                            channels.add(channel(language, delivery, random));
                        }
                    }
                    channels.add(channel(room % 2 == 1 ? "ar" : "pt", delivery, random));
                    String id = "d" + (day + 1) + "-s" + (slot + 1) + "-r" + room;
                    sessions.add(new SessionNeed(id, CONFERENCE, slot == 4 ? "SIDE_EVENT" : "BREAKOUT", date,
                            date.atTime(LocalTime.parse(SLOTS[slot][0])).atZone(ZONE).toInstant(),
                            date.atTime(LocalTime.parse(SLOTS[slot][1])).atZone(ZONE).toInstant(), ZONE,
                            delivery == Delivery.ZOOM ? null : "Room " + room, "slot-" + (slot + 1),
                            delivery == Delivery.BOTH ? "HYBRID" : delivery == Delivery.ROOM ? "IN_PERSON" : "ONLINE",
                            List.of(floor), true, channels, Map.of("en", "Session " + id)));
                }
            }
        }
        return new StaffingProblem(CONFERENCE, ZONE, sessions, roster(random), List.of(), List.of(), Norms.AIIC);
    }

    private static ChannelNeed channel(String language, Delivery delivery, Random random) {
        int listeners = 5 + random.nextInt(60);
        int room = delivery == Delivery.ZOOM ? 0 : delivery == Delivery.ROOM ? listeners : listeners / 2;
        return new ChannelNeed(language, false, delivery, room, listeners - room, false);
    }

    /**
     * 45 interpreters: each booth's language as A with one or two others as B or C, the way a consultant
     * interpreter recruits for an English-French-Spanish week with Arabic and Portuguese: some give a retour
     * into their B, a few have two A languages. About one in five works remotely; most are available all
     * week, some for three or four days, a few for half days.
     */
    static List<InterpreterProfile> roster(Random random) {
        String[][] profiles = {
                // into English (9)
                {"en-A", "fr-B", "es-C"}, {"en-A", "fr-B", "es-C"}, {"en-A", "es-B", "fr-C"}, {"en-A", "fr-B*", "es-C"},
                {"en-A", "es-B", "pt-C"}, {"en-A", "fr-C", "es-C"}, {"en-A", "fr-B", "ar-C"}, {"en-A", "fr-A", "es-C"},
                {"en-A", "es-B*", "fr-C"},
                // into French (10)
                {"fr-A", "en-B", "es-C"}, {"fr-A", "en-B", "es-C"}, {"fr-A", "en-C", "es-C"}, {"fr-A", "en-B*", "es-C"},
                {"fr-A", "es-B", "en-C"}, {"fr-A", "en-B", "ar-C"}, {"fr-A", "en-B", "pt-C"}, {"fr-A", "en-C", "es-B"},
                {"fr-A", "es-A", "en-C"}, {"fr-A", "en-B*", "es-C"},
                // into Spanish (10)
                {"es-A", "en-B", "fr-C"}, {"es-A", "en-B", "fr-C"}, {"es-A", "fr-B", "en-C"}, {"es-A", "en-B*", "fr-C"},
                {"es-A", "en-C", "fr-C"}, {"es-A", "en-B", "pt-C"}, {"es-A", "fr-B*", "en-C"}, {"es-A", "en-B", "fr-B"},
                {"es-A", "pt-A", "en-C"}, {"es-A", "en-B*", "fr-C"},
                // into Arabic (8)
                {"ar-A", "fr-B", "en-C"}, {"ar-A", "en-B", "fr-C"}, {"ar-A", "fr-B*", "en-C"}, {"ar-A", "en-B", "fr-B"},
                {"ar-A", "fr-B", "en-B"}, {"ar-A", "en-B*", "fr-C"}, {"ar-A", "fr-B"}, {"ar-A", "en-B", "es-C"},
                // into Portuguese (8)
                {"pt-A", "es-B", "en-C"}, {"pt-A", "en-B", "es-C"}, {"pt-A", "es-B", "fr-C"}, {"pt-A", "en-B*", "es-C"},
                {"pt-A", "fr-B", "en-C"}, {"pt-A", "es-B*", "en-C"}, {"pt-A", "en-B", "fr-C"}, {"pt-A", "es-B", "en-B"}};
        List<InterpreterProfile> roster = new ArrayList<>();
        for (int i = 0; i < profiles.length; i++) {
            List<LanguageSkill> skills = new ArrayList<>();
            for (String code : profiles[i]) {
                String[] parts = code.split("-");
                skills.add(new LanguageSkill(parts[0], LanguageClass.valueOf(parts[1].replace("*", "")),
                        parts[1].endsWith("*")));
            }
            WorkMode mode = random.nextDouble() < 0.2 ? WorkMode.REMOTE : WorkMode.ON_SITE;
            List<Availability> availability = new ArrayList<>();
            double kind = random.nextDouble();
            int missing = kind < 0.7 ? 0 : kind < 0.9 ? 1 + random.nextInt(2) : 0;
            List<Integer> days = new ArrayList<>(List.of(0, 1, 2, 3, 4));
            for (int m = 0; m < missing; m++) {
                days.remove(random.nextInt(days.size()));
            }
            for (int day : days) {
                DayPart part = kind >= 0.9 ? (random.nextBoolean() ? DayPart.MORNING : DayPart.AFTERNOON) : DayPart.DAY;
                availability.add(new Availability(FIRST_DAY.plusDays(day), part));
            }
            String id = String.format("int-%02d", i + 1);
            roster.add(new InterpreterProfile(id, CONFERENCE, null, "Interpreter " + (i + 1), id + "@example.org",
                    mode == WorkMode.REMOTE ? id + "@zoom.example.org" : null, skills, mode, availability, Set.of(), 1));
        }
        // a few pairs who like to work together
        for (int i = 0; i + 1 < roster.size(); i += 9) {
            InterpreterProfile one = roster.get(i);
            roster.set(i, new InterpreterProfile(one.interpreterId(), one.conferenceId(), null, one.name(), one.email(),
                    one.zoomEmail(), one.languages(), one.mode(), one.availability(),
                    Set.of(roster.get(i + 1).interpreterId()), 1));
        }
        return List.copyOf(roster);
    }

    /** Reads the medium part of a score written as {@code 0hard/-12medium/-345soft}. */
    static final class PlanScoreText {
        private PlanScoreText() {
        }

        static long medium(String score) {
            String[] parts = score.split("/");
            return Long.parseLong(parts[1].replace("medium", ""));
        }
    }

    /** The options given (name without dashes → value), or null when help was asked for. */
    static Map<String, String> parse(String[] args) {
        return Options.parse(args, List.of("spent", "unimproved", "seed", "out"));
    }

    private static int positive(Map<String, String> options, String name, int fallback, int max) {
        return Options.positive(options, name, fallback, max);
    }
}
