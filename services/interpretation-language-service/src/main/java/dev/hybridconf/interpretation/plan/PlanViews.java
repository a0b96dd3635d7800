package dev.hybridconf.interpretation.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.contracts.interpretation.LanguageCatalogue;
import dev.hybridconf.interpretation.needs.ChannelNeed;
import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.needs.SessionNeeds;
import dev.hybridconf.interpretation.planning.Norms;
import dev.hybridconf.interpretation.planning.PlanScore;
import dev.hybridconf.interpretation.planning.StaffingSolution.BoothPlan;
import dev.hybridconf.interpretation.planning.StaffingSolution.Gap;
import dev.hybridconf.interpretation.planning.StaffingSolution.HiringSuggestion;
import dev.hybridconf.interpretation.planning.StaffingSolution.Turn;
import dev.hybridconf.interpretation.planning.StaffingSolution.Violation;
import dev.hybridconf.interpretation.plan.PublishedPlan.Assignment;
import dev.hybridconf.interpretation.plan.PublishedPlan.PublishedBooth;
import dev.hybridconf.interpretation.roster.InterpreterProfile;
import dev.hybridconf.interpretation.roster.LanguageSkill;
import dev.hybridconf.interpretation.roster.Roster;
import dev.hybridconf.interpretation.roster.WorkMode;
import dev.hybridconf.kit.errors.InvalidFieldsException;

/**
 * The plan's read models, built per request from the stored draft or published plan and the ports (never stored
 * objects as they are): times in the conference's zone, texts in the reader's language.
 */
@Component
class PlanViews {

    // ---- answers -------------------------------------------------------------------------------------------------

    record ScoreView(long hard, long medium, long soft, boolean feasible) {

        static ScoreView of(PlanScore score) {
            return score == null ? null : new ScoreView(score.hard(), score.medium(), score.soft(), score.feasible());
        }
    }

    /** A solve's progress: {@code IDLE} before the first. Seconds as decimals. */
    record ProgressView(String conferenceId, String status, String reason, Instant startedAt, Instant finishedAt,
            double elapsed, Long limit, ScoreView bestScore, Boolean feasible, String failure, String failureText) {
    }

    record SeatView(int seat, String interpreterId, String name, boolean pinned) {
    }

    record TurnView(String interpreterId, String name, OffsetDateTime from, OffsetDateTime to) {
    }

    /**
     * A booth of the draft; {@code status}: {@code PLANNED}, {@code MOVED} (its session's time or room changed since
     * the solve) or {@code NO_LONGER_NEEDED}.
     */
    record BoothView(String sessionId, String title, LocalDate day, OffsetDateTime start, OffsetDateTime end,
            String room, String language, String languageName, boolean sign, Delivery delivery, List<String> sources,
            String relayFrom, boolean givesRelay, int teamSize, boolean covered, String status, List<SeatView> seats,
            List<TurnView> turns) {
    }

    /** A booth the sessions need now that the draft does not have: a gap until the next solve. */
    record UnplannedView(String sessionId, String title, LocalDate day, OffsetDateTime start, OffsetDateTime end,
            String room, String language, String languageName, Delivery delivery, int teamSize, String reason) {
    }

    record ViolationView(String rule, String text, String sessionId, String language, String interpreterId,
            String name) {
    }

    record CandidateView(String interpreterId, String name, String rule, String reason) {
    }

    record GapView(String sessionId, String title, OffsetDateTime start, OffsetDateTime end, String language,
            String languageName, int seat, List<CandidateView> candidates) {
    }

    record SkillView(String language, String name, String level, boolean retour) {
    }

    record HiringView(String text, List<SkillView> profile, LocalDate day, LocalTime from, LocalTime to,
            WorkMode mode, String room, int interpreters, int gaps) {
    }

    /** The draft for organisers, with the published version beside it and what moved in the needs since. */
    record PlanView(String conferenceId, Long publishedVersion, Instant publishedAt, String draftId, Instant solvedAt,
            ScoreView score, int hardViolations, boolean needsChanged, int seats, int emptySeats, List<BoothView> booths,
            List<UnplannedView> unplanned, List<ViolationView> violations, List<GapView> gaps,
            List<HiringView> hiring, ProgressView solve) {
    }

    /** One cell of the coverage matrix: {@code COVERED}, {@code RELAY}, {@code GAP} or {@code FLOOR}. */
    record CoverageCell(String state, String relayFrom, Delivery delivery, int seats, int filled, String text) {
    }

    record CoverageRow(String sessionId, String title, LocalDate day, OffsetDateTime start, OffsetDateTime end,
            String room, Map<String, CoverageCell> cells) {
    }

    record LanguageColumn(String language, String name) {
    }

    record CoverageView(String conferenceId, String plan, Long planVersion, LocalDate day,
            List<LanguageColumn> languages, List<CoverageRow> rows) {
    }

    record DayLoad(LocalDate day, int sessions, double hours, int blocks) {
    }

    record InterpreterLoad(String interpreterId, String name, WorkMode mode, int sessions, double hours, int blocks,
            int days, List<DayLoad> perDay) {
    }

    record LoadView(String conferenceId, String plan, Long planVersion, List<InterpreterLoad> interpreters) {
    }

    record Partner(String interpreterId, String name) {
    }

    /**
     * One published assignment; {@code where}: {@code BOOTH} (the room's booth) or {@code ZOOM}; {@code moved}: the
     * session's time changed since publication (its turns are shifted with it).
     */
    record ScheduleItem(String assignmentId, String status, Instant answeredAt, String sessionId, String title,
            LocalDate day, OffsetDateTime start, OffsetDateTime end, String room, String where, String language,
            String languageName, boolean sign, List<String> sources, String relayFrom, boolean givesRelay,
            Delivery delivery, List<Partner> partners, List<TurnView> turns, boolean moved, boolean stillNeeded) {
    }

    record ScheduleView(String conferenceId, String interpreterId, String name, Long planVersion, Instant publishedAt,
            List<ScheduleItem> assignments) {
    }

    // ---- building them -------------------------------------------------------------------------------------------

    private final PlanStore store;
    private final SessionNeeds needs;
    private final Roster roster;
    private final Norms norms;
    private final PlanTexts texts;
    private final Clock clock;

    PlanViews(PlanStore store, SessionNeeds needs, Roster roster, Norms norms, PlanTexts texts, Clock clock) {
        this.store = store;
        this.needs = needs;
        this.roster = roster;
        this.norms = norms;
        this.texts = texts;
        this.clock = clock;
    }

    ProgressView progress(String conferenceId, SolveState state, Locale locale) {
        return new ProgressView(conferenceId, state.status().name(), state.reason(), state.startedAt(),
                state.finishedAt(), state.elapsed(clock.instant()).toMillis() / 1000.0,
                state.limit() == null ? null : state.limit().toSeconds(), ScoreView.of(state.bestScore()),
                state.bestScore() == null ? null : state.bestScore().feasible(), state.failure(),
                state.failure() == null ? null : texts.text("plan.failure." + state.failure(), locale));
    }

    PlanView plan(String conferenceId, ZoneId zone, SolveState solve, Locale locale) {
        List<SessionNeed> sessions = needs.forConference(conferenceId);
        Map<String, SessionNeed> byId = index(sessions, SessionNeed::sessionId);
        Map<String, String> names = names(conferenceId);
        PlanStore.Published published = store.published(conferenceId);
        Optional<Draft> stored = store.draft(conferenceId);
        Long version = published.plan().map(PublishedPlan::version).orElse(null);
        Instant publishedAt = published.plan().map(PublishedPlan::publishedAt).orElse(null);
        ProgressView progress = progress(conferenceId, solve, locale);
        Draft draft = stored.orElse(null);

        Set<String> planned = new LinkedHashSet<>();
        List<BoothView> booths = new ArrayList<>();
        Map<String, Draft.DraftSession> then = draft == null ? Map.of()
                : index(draft.sessions(), Draft.DraftSession::sessionId);
        if (draft != null) {
            for (BoothPlan booth : draft.booths()) {
                planned.add(booth.sessionId() + "|" + booth.language());
                SessionNeed now = byId.get(booth.sessionId());
                Draft.DraftSession was = then.get(booth.sessionId());
                boolean needed = now != null
                        && now.channels().stream().anyMatch(c -> c.language().equals(booth.language()));
                String status = !needed ? "NO_LONGER_NEEDED"
                        : was != null && (!Objects.equals(was.start(), now.start()) || !Objects.equals(was.end(), now.end())
                                || !Objects.equals(was.room(), now.room())) ? "MOVED" : "PLANNED";
                Instant start = now != null ? now.start() : was != null ? was.start() : null;
                Instant end = now != null ? now.end() : was != null ? was.end() : null;
                booths.add(new BoothView(booth.sessionId(), now == null ? null : PlanTexts.in(now.title(), locale),
                        now == null ? null : now.day(), at(start, zone), at(end, zone),
                        now != null ? now.room() : was != null ? was.room() : null, booth.language(),
                        texts.language(booth.language(), locale), booth.sign(), booth.delivery(), booth.sources(),
                        booth.relayFrom(), booth.givesRelay(), booth.teamSize(), booth.covered(), status,
                        booth.seats().stream().map(s -> new SeatView(s.seat(), s.interpreterId(),
                                name(names, s.interpreterId()), s.pinned())).toList(),
                        turns(booth.turns(), names, zone, Duration.ZERO)));
            }
        }
        List<UnplannedView> unplanned = new ArrayList<>();
        for (SessionNeed session : sessions) {
            for (ChannelNeed channel : session.channels()) {
                if (!planned.contains(session.sessionId() + "|" + channel.language())) {
                    unplanned.add(new UnplannedView(session.sessionId(), PlanTexts.in(session.title(), locale),
                            session.day(), at(session.start(), zone), at(session.end(), zone), session.room(),
                            channel.language(), texts.language(channel.language(), locale), channel.delivery(),
                            norms.teamSize(session.length(), false),
                            texts.text(draft == null ? "plan.unplanned.no-draft" : "plan.unplanned.new-need", locale)));
                }
            }
        }
        if (draft == null) {
            int seats = unplanned.stream().mapToInt(UnplannedView::teamSize).sum();
            return new PlanView(conferenceId, version, publishedAt, null, null, null, 0, !sessions.isEmpty(), seats,
                    seats, booths, unplanned, List.of(), List.of(), List.of(), progress);
        }
        boolean needsChanged = !NeedsFingerprint.of(sessions).equals(draft.needsFingerprint());
        List<ViolationView> violations = draft.violations().stream()
                .map(v -> violation(v, names, locale)).toList();
        List<GapView> gaps = draft.gaps().stream().map(g -> gap(g, byId, names, zone, locale)).toList();
        List<HiringView> hiring = draft.hiring().stream().map(h -> hiring(h, locale)).toList();
        int seats = draft.booths().stream().mapToInt(b -> b.seats().size()).sum()
                + unplanned.stream().mapToInt(UnplannedView::teamSize).sum();
        int empty = (int) draft.booths().stream().flatMap(b -> b.seats().stream())
                .filter(s -> s.interpreterId() == null).count()
                + unplanned.stream().mapToInt(UnplannedView::teamSize).sum();
        return new PlanView(conferenceId, version, publishedAt, draft.id(), draft.solvedAt(),
                ScoreView.of(draft.score()), draft.hardViolations(), needsChanged, seats, empty, booths, unplanned,
                violations, gaps, hiring, progress);
    }

    private ViolationView violation(Violation v, Map<String, String> names, Locale locale) {
        return new ViolationView(v.rule(), texts.rule(v.rule(), locale), v.sessionId(), v.language(),
                v.interpreterId(), name(names, v.interpreterId()));
    }

    private GapView gap(Gap gap, Map<String, SessionNeed> sessions, Map<String, String> names, ZoneId zone,
            Locale locale) {
        SessionNeed session = sessions.get(gap.sessionId());
        return new GapView(gap.sessionId(), session == null ? null : PlanTexts.in(session.title(), locale),
                session == null ? null : at(session.start(), zone), session == null ? null : at(session.end(), zone),
                gap.language(), texts.language(gap.language(), locale), gap.seat(),
                gap.candidates().stream().map(c -> new CandidateView(c.interpreterId(), name(names, c.interpreterId()),
                        c.rule(), texts.rule(c.rule(), locale))).toList());
    }

    private HiringView hiring(HiringSuggestion h, Locale locale) {
        return new HiringView(texts.hiring(h, locale), h.profile().stream().map(s -> skill(s, locale)).toList(),
                h.day(), h.from(), h.to(), h.mode(), h.room(), h.interpreters(), h.gaps().size());
    }

    private SkillView skill(LanguageSkill skill, Locale locale) {
        return new SkillView(skill.language(), texts.language(skill.language(), locale), skill.level().name(),
                skill.retour());
    }

    // ---- coverage and load ---------------------------------------------------------------------------------------

    /** What a booth looks like for coverage and load, from the draft or the published plan. */
    private record Staffing(String sessionId, String language, int seats, List<String> interpreters,
            String relayFrom, Delivery delivery) {
    }

    /** The staffing the views read: {@code draft} (default) or {@code published}. */
    private record Source(String name, Long version, Map<String, Staffing> booths) {
    }

    static String planParameter(String plan) {
        if (plan == null) {
            return "draft";
        }
        String value = plan.trim().toLowerCase(Locale.ROOT);
        if (!value.equals("draft") && !value.equals("published")) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.Invalid("plan", "plan.field.plan")));
        }
        return value;
    }

    private Source source(String conferenceId, String plan) {
        Map<String, Staffing> booths = new LinkedHashMap<>();
        if ("published".equals(plan)) {
            Optional<PublishedPlan> published = store.published(conferenceId).plan();
            published.ifPresent(p -> p.booths().forEach(b -> booths.put(b.sessionId() + "|" + b.language(),
                    new Staffing(b.sessionId(), b.language(), b.seats().size(),
                            b.filled().map(Assignment::interpreterId).toList(), b.relayFrom(), b.delivery()))));
            return new Source(plan, published.map(PublishedPlan::version).orElse(null), booths);
        }
        store.draft(conferenceId).ifPresent(d -> d.booths().forEach(b -> booths.put(b.sessionId() + "|" + b.language(),
                new Staffing(b.sessionId(), b.language(), b.seats().size(),
                        b.seats().stream().map(s -> s.interpreterId()).filter(Objects::nonNull).toList(),
                        b.relayFrom(), b.delivery()))));
        return new Source(plan, null, booths);
    }

    CoverageView coverage(String conferenceId, ZoneId zone, LocalDate day, String plan, Locale locale) {
        Source source = source(conferenceId, plan);
        List<SessionNeed> sessions = needs.forConference(conferenceId).stream()
                .filter(s -> day == null || day.equals(s.day())).toList();
        Set<String> languages = new LinkedHashSet<>();
        sessions.forEach(s -> s.channels().forEach(c -> languages.add(c.language())));
        sessions.forEach(s -> languages.addAll(s.floorLanguages()));
        List<String> ordered = languages.stream().sorted(Comparator.comparingInt((String l) -> {
            int platform = PlanTexts.LANGUAGES.indexOf(l);
            return platform >= 0 ? platform : LanguageCatalogue.isSign(l) ? 200 : 100;
        }).thenComparing(Function.identity())).toList();
        List<CoverageRow> rows = new ArrayList<>();
        for (SessionNeed session : sessions) {
            Map<String, CoverageCell> cells = new LinkedHashMap<>();
            for (String language : ordered) {
                Optional<ChannelNeed> channel = session.channels().stream()
                        .filter(c -> c.language().equals(language)).findFirst();
                if (channel.isPresent()) {
                    cells.put(language, cell(session, channel.get(), source.booths()
                            .get(session.sessionId() + "|" + language), locale));
                } else if (session.floorLanguages().contains(language)) {
                    cells.put(language, new CoverageCell("FLOOR", null, null, 0, 0,
                            texts.text("plan.coverage.FLOOR", locale)));
                }
            }
            rows.add(new CoverageRow(session.sessionId(), PlanTexts.in(session.title(), locale), session.day(),
                    at(session.start(), zone), at(session.end(), zone), session.room(), cells));
        }
        return new CoverageView(conferenceId, source.name(), source.version(), day,
                ordered.stream().map(l -> new LanguageColumn(l, texts.language(l, locale))).toList(), rows);
    }

    private CoverageCell cell(SessionNeed session, ChannelNeed channel, Staffing booth, Locale locale) {
        int seats = booth != null ? booth.seats() : norms.teamSize(session.length(), false);
        int filled = booth != null ? booth.interpreters().size() : 0;
        if (filled < seats) {
            return new CoverageCell("GAP", booth == null ? null : booth.relayFrom(), channel.delivery(), seats, filled,
                    texts.text("plan.coverage.GAP", locale, seats - filled, seats));
        }
        if (booth.relayFrom() != null) {
            return new CoverageCell("RELAY", booth.relayFrom(), channel.delivery(), seats, filled,
                    texts.text("plan.coverage.RELAY", locale, texts.language(booth.relayFrom(), locale)));
        }
        return new CoverageCell("COVERED", null, channel.delivery(), seats, filled,
                texts.text("plan.coverage.COVERED", locale));
    }

    LoadView load(String conferenceId, String plan) {
        Source source = source(conferenceId, plan);
        Map<String, SessionNeed> sessions = index(needs.forConference(conferenceId), SessionNeed::sessionId);
        Map<String, List<SessionNeed>> work = new HashMap<>();
        source.booths().values().forEach(booth -> {
            SessionNeed session = sessions.get(booth.sessionId());
            if (session != null) {
                booth.interpreters().forEach(id -> work.computeIfAbsent(id, k -> new ArrayList<>()).add(session));
            }
        });
        List<InterpreterLoad> loads = new ArrayList<>();
        for (InterpreterProfile person : roster.forConference(conferenceId)) {
            List<SessionNeed> mine = work.getOrDefault(person.interpreterId(), List.of());
            Map<LocalDate, List<SessionNeed>> byDay = new TreeMap<>();
            mine.forEach(s -> byDay.computeIfAbsent(s.day(), d -> new ArrayList<>()).add(s));
            List<DayLoad> perDay = new ArrayList<>();
            byDay.forEach((day, list) -> {
                List<SessionNeed> ordered = list.stream().sorted(Comparator.comparing(SessionNeed::start)).toList();
                Duration time = ordered.stream().map(SessionNeed::length).reduce(Duration.ZERO, Duration::plus);
                int blocks = 0;
                Instant blockEnd = null;
                for (SessionNeed s : ordered) {
                    if (blockEnd == null || Duration.between(blockEnd, s.start()).compareTo(norms.blockJoin()) >= 0) {
                        blocks++;
                        blockEnd = s.end();
                    } else if (s.end().isAfter(blockEnd)) {
                        blockEnd = s.end();
                    }
                }
                perDay.add(new DayLoad(day, ordered.size(), hours(time), blocks));
            });
            loads.add(new InterpreterLoad(person.interpreterId(), person.name(), person.mode(), mine.size(),
                    hours(mine.stream().map(SessionNeed::length).reduce(Duration.ZERO, Duration::plus)),
                    perDay.stream().mapToInt(DayLoad::blocks).sum(), perDay.size(), perDay));
        }
        return new LoadView(conferenceId, source.name(), source.version(), loads);
    }

    private static double hours(Duration time) {
        return Math.round(time.toMinutes() / 60.0 * 100) / 100.0;
    }

    // ---- schedules -----------------------------------------------------------------------------------------------

    ScheduleView schedule(String conferenceId, ZoneId zone, InterpreterProfile person, Locale locale) {
        Optional<PublishedPlan> published = store.published(conferenceId).plan();
        Map<String, SessionNeed> sessions = index(needs.forConference(conferenceId), SessionNeed::sessionId);
        Map<String, String> names = names(conferenceId);
        List<ScheduleItem> items = new ArrayList<>();
        published.ifPresent(plan -> {
            for (Map.Entry<PublishedBooth, Assignment> entry : plan.assignments()) {
                PublishedBooth booth = entry.getKey();
                Assignment seat = entry.getValue();
                if (!person.interpreterId().equals(seat.interpreterId())) {
                    continue;
                }
                SessionNeed now = sessions.get(booth.sessionId());
                Instant start = now != null ? now.start() : booth.start();
                Instant end = now != null ? now.end() : booth.end();
                Duration shift = booth.start() == null ? Duration.ZERO : Duration.between(booth.start(), start);
                boolean needed = now != null
                        && now.channels().stream().anyMatch(c -> c.language().equals(booth.language()));
                String room = now != null ? now.room() : booth.room();
                Delivery delivery = booth.delivery();
                String where = person.mode() == WorkMode.REMOTE || room == null || delivery == Delivery.ZOOM ? "ZOOM"
                        : "BOOTH";
                List<Partner> partners = booth.filled()
                        .filter(other -> !other.interpreterId().equals(person.interpreterId()))
                        .map(other -> new Partner(other.interpreterId(), name(names, other.interpreterId()))).toList();
                items.add(new ScheduleItem(seat.assignmentId(), seat.status().name(), seat.answeredAt(),
                        booth.sessionId(), now == null ? null : PlanTexts.in(now.title(), locale),
                        now != null ? now.day() : start == null ? null : start.atZone(zone).toLocalDate(),
                        at(start, zone), at(end, zone), room, where, booth.language(),
                        texts.language(booth.language(), locale), booth.sign(), booth.sources(), booth.relayFrom(),
                        booth.givesRelay(), delivery, partners, turns(seated(booth), names, zone, shift),
                        !shift.isZero(), needed));
            }
        });
        items.sort(Comparator.comparing(ScheduleItem::start, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ScheduleItem::assignmentId));
        return new ScheduleView(conferenceId, person.interpreterId(), person.name(),
                published.map(PublishedPlan::version).orElse(null),
                published.map(PublishedPlan::publishedAt).orElse(null), items);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The booth's turns of interpreters who still hold their seat (a declined seat's turns are open). */
    private static List<Turn> seated(PublishedBooth booth) {
        Set<String> seated = new java.util.HashSet<>();
        booth.filled().forEach(seat -> seated.add(seat.interpreterId()));
        return booth.turns().stream().filter(t -> seated.contains(t.interpreterId())).toList();
    }

    private Map<String, String> names(String conferenceId) {
        Map<String, String> names = new HashMap<>();
        roster.forConference(conferenceId).forEach(p -> names.put(p.interpreterId(), p.name()));
        return names;
    }

    private static String name(Map<String, String> names, String interpreterId) {
        return interpreterId == null ? null : names.get(interpreterId);
    }

    private static List<TurnView> turns(List<Turn> turns, Map<String, String> names, ZoneId zone, Duration shift) {
        return turns.stream().map(t -> new TurnView(t.interpreterId(), name(names, t.interpreterId()),
                at(t.from() == null ? null : t.from().plus(shift), zone),
                at(t.to() == null ? null : t.to().plus(shift), zone))).toList();
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        Map<String, T> index = new LinkedHashMap<>();
        items.forEach(item -> index.putIfAbsent(id.apply(item), item));
        return index;
    }
}
