package dev.hybridconf.interpretation.planning;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.planning.StaffingSolution.Gap;
import dev.hybridconf.interpretation.planning.StaffingSolution.HiringSuggestion;
import dev.hybridconf.interpretation.roster.LanguageClass;
import dev.hybridconf.interpretation.roster.LanguageSkill;
import dev.hybridconf.interpretation.roster.WorkMode;

/**
 * Sums the gaps into whom to hire. Each booth with empty seats needs that many people with the booth's
 * language as their A and each language it works from as a B (no retour is ever needed: a hire works into
 * their A). Booths that need the same profile, the same number of people, on the same day, in the same room
 * (on site) or remote, are chained into one suggestion when one person could work them all under the norms
 * (no overlap, daily limits); a booth that does not fit starts another suggestion. Every gap lands in
 * exactly one suggestion, and each suggestion has {@code interpreters × booths} gaps.
 */
final class HiringPlanner {

    private HiringPlanner() {
    }

    record Need(List<LanguageSkill> profile, LocalDate day, WorkMode mode, String room, int people) {
    }

    static List<HiringSuggestion> suggest(List<Gap> gaps, StaffingSchedule schedule) {
        Map<String, Booth> booths = new HashMap<>();
        schedule.booths().forEach(booth -> booths.put(booth.key, booth));
        Map<Booth, List<Gap>> gapsByBooth = new LinkedHashMap<>();
        for (Gap gap : gaps) {
            Booth booth = Objects.requireNonNull(booths.get(gap.sessionId() + "/" + gap.language()));
            gapsByBooth.computeIfAbsent(booth, key -> new ArrayList<>()).add(gap);
        }
        Map<Need, List<Booth>> byNeed = new LinkedHashMap<>();
        List<Booth> ordered = new ArrayList<>(gapsByBooth.keySet());
        ordered.sort(Comparator.<Booth>comparingLong(booth -> booth.start).thenComparing(booth -> booth.key));
        for (Booth booth : ordered) {
            WorkMode mode = booth.delivery == Delivery.ZOOM ? WorkMode.REMOTE : WorkMode.ON_SITE;
            Need need = new Need(profile(booth), booth.day, mode, mode == WorkMode.ON_SITE ? booth.room : null,
                    gapsByBooth.get(booth).size());
            byNeed.computeIfAbsent(need, key -> new ArrayList<>()).add(booth);
        }
        List<HiringSuggestion> suggestions = new ArrayList<>();
        for (Map.Entry<Need, List<Booth>> entry : byNeed.entrySet()) {
            List<List<Booth>> chains = new ArrayList<>();
            for (Booth booth : entry.getValue()) {
                List<Booth> fits = null;
                for (List<Booth> chain : chains) {
                    if (oneCanWork(chain, booth)) {
                        fits = chain;
                        break;
                    }
                }
                if (fits == null) {
                    fits = new ArrayList<>();
                    chains.add(fits);
                }
                fits.add(booth);
            }
            Need need = entry.getKey();
            for (List<Booth> chain : chains) {
                LocalTime from = chain.get(0).localStart;
                LocalTime to = chain.stream().max(Comparator.comparingLong(booth -> booth.end)).orElseThrow().localEnd;
                List<Gap> covered = chain.stream().flatMap(booth -> gapsByBooth.get(booth).stream()).toList();
                suggestions.add(new HiringSuggestion(need.profile(), need.day(), from, to, need.mode(), need.room(),
                        need.people(), covered));
            }
        }
        suggestions.sort(Comparator.comparing(HiringSuggestion::day).thenComparing(HiringSuggestion::from)
                .thenComparing(suggestion -> suggestion.profile().get(0).language()));
        return suggestions;
    }

    /** Target as A, then each source as B: what a hire needs to work the booth (directly, or from the pivot). */
    static List<LanguageSkill> profile(Booth booth) {
        List<LanguageSkill> profile = new ArrayList<>();
        profile.add(new LanguageSkill(booth.language(), LanguageClass.A, false));
        List<String> sources = booth.onRelay() ? List.of(booth.pivot.language()) : booth.directSources;
        sources.stream().sorted().forEach(source -> profile.add(new LanguageSkill(source, LanguageClass.B, false)));
        return List.copyOf(profile);
    }

    private static boolean oneCanWork(List<Booth> chain, Booth booth) {
        for (Booth held : chain) {
            if (held.overlaps(booth)) {
                return false;
            }
        }
        List<Booth> day = new ArrayList<>(chain);
        day.add(booth);
        return Rules.dailyBreaches(day).isEmpty();
    }
}
