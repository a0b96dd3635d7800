package dev.hybridconf.rapporteur.analysis;

import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.CONFERENCE;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.DAY1;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.DAY2;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.concept;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.hybridconf.rapporteur.corpus.Conclusion;
import dev.hybridconf.rapporteur.corpus.LockState;
import tools.jackson.databind.json.JsonMapper;

/** The same corpus and thesaurus give the same JSON, byte for byte, whatever order the conclusions arrive in. */
class DeterminismTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] EN = {"Affordable housing is scarce in every district.",
            "Green bonds finance the retrofit of schools; heat waves hit elderly people.",
            "Participatory budgets gave neighbourhoods a voice. Green bonds again.",
            "Street lighting, public spaces and heat waves were discussed."};
    private static final String[] FR = {"Les logements abordables manquent dans les métropoles.",
            "L'économie circulaire crée des emplois locaux ; les budgets participatifs aussi.",
            "Le droit à la ville passe par des espaces publics sûrs.",
            "Économie circulaire et jardins partagés : deux pistes."};
    private static final String[] ES = {"Faltan viviendas asequibles en los barrios.",
            "La economía circular genera empleo; los huertos urbanos también.",
            "El derecho a la ciudad exige espacios públicos seguros.",
            "Presupuestos participativos y economia circular."};

    private final Thesaurus thesaurus = new Thesaurus(7, List.of(
            concept("affordable-housing", "affordable housing", "logement abordable", "vivienda asequible"),
            concept("circular-economy", "circular economy", "économie circulaire", "economía circular"),
            concept("right-to-the-city", "right to the city", "droit à la ville", "derecho a la ciudad")));

    private static Conclusion conclusion(String session, LocalDate day, long revision, String language, int i) {
        String[] texts = language.equals("en") ? EN : language.equals("fr") ? FR : ES;
        return new Conclusion(session, CONFERENCE, day, revision, language, texts[i % 4] + " " + texts[(i + 1) % 4],
                List.of(texts[(i + 2) % 4]), List.of(texts[(i + 3) % 4]), List.of(i % 2 == 0 ? "Housing" : "Économie"),
                List.of(11, 1 + i % 3), "moderator", Instant.parse("2021-02-16T10:00:00Z").plusSeconds(i),
                new LockState(Instant.parse("2021-02-16T17:00:00Z"), "WRAP_UP", null));
    }

    private static List<Conclusion> day(LocalDate day, int count, boolean withOldRevisions) {
        List<Conclusion> list = new ArrayList<>();
        String[] languages = {"en", "fr", "es", "en"};
        for (int i = 0; i < count; i++) {
            String session = day + "-s" + i;
            list.add(conclusion(session, day, 2, languages[i % 4], i));
            if (withOldRevisions) {
                list.add(conclusion(session, day, 1, languages[(i + 1) % 4], i + 1));
            }
        }
        return list;
    }

    private String analyse(long shuffleSeed) {
        List<Conclusion> today = day(DAY2, 12, true);
        List<Conclusion> before = day(DAY1, 9, false);
        Random random = new Random(shuffleSeed);
        Collections.shuffle(today, random);
        Collections.shuffle(before, random);
        SortedMap<LocalDate, List<Conclusion>> earlier = new TreeMap<>();
        earlier.put(DAY1, before);
        List<Concept> concepts = new ArrayList<>(thesaurus.concepts());
        Collections.shuffle(concepts, random);
        DayTrends trends = new LuceneTrendAnalyzer().analyse(new AnalysisInput(CONFERENCE, DAY2, today, earlier,
                new Thesaurus(7, concepts), AnalysisSettings.DEFAULTS, 12, Instant.parse("2021-02-16T18:00:00Z")));
        return JSON.writeValueAsString(trends);
    }

    @Test
    void shuffledInputGivesByteIdenticalJson() {
        String first = analyse(1);
        for (long seed = 2; seed <= 8; seed++) {
            assertThat(analyse(seed)).isEqualTo(first);
        }
        assertThat(first).contains("\"method\":\"lucene-9.12.3/textrank-w3/logodds-a10/1\"")
                .contains("c:circular-economy").contains("\"complete\":true");
    }

    @Test
    void oneAnalyserSharedByThreadsGivesEveryThreadTheSameJson() throws Exception {
        LuceneTrendAnalyzer shared = new LuceneTrendAnalyzer();
        SortedMap<LocalDate, List<Conclusion>> earlier = new TreeMap<>();
        earlier.put(DAY1, day(DAY1, 9, false));
        AnalysisInput input = new AnalysisInput(CONFERENCE, DAY2, day(DAY2, 12, true), earlier, thesaurus,
                AnalysisSettings.DEFAULTS, 12);
        String expected = JSON.writeValueAsString(new LuceneTrendAnalyzer().analyse(input));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                // every other run with another thesaurus, so the shared matcher cache changes under the others
                Thesaurus other = i % 2 == 0 ? thesaurus : new Thesaurus(8, thesaurus.concepts().subList(0, 1));
                AnalysisInput mixed = new AnalysisInput(CONFERENCE, DAY2, input.today(), earlier, other,
                        AnalysisSettings.DEFAULTS, 12);
                runs.add(pool.submit(() -> {
                    shared.analyse(mixed);
                    return JSON.writeValueAsString(shared.analyse(input));
                }));
            }
            for (java.util.concurrent.Future<String> run : runs) {
                assertThat(run.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyTheCurrentRevisionCounts() {
        DayTrends trends = new LuceneTrendAnalyzer().analyse(new AnalysisInput(CONFERENCE, DAY2,
                day(DAY2, 4, true), new TreeMap<>(), thesaurus, AnalysisSettings.DEFAULTS, 4));
        assertThat(trends.reporting()).isEqualTo(4);
        assertThat(trends.reportingByLanguage()).containsEntry("en", 2).containsEntry("fr", 1).containsEntry("es", 1);
        assertThat(trends.trends()).allSatisfy(t -> assertThat(t.evidence()).allSatisfy(e -> assertThat(e.revision()).isEqualTo(2)));
    }

    @Test
    void aDayIsCompleteOnlyWhenEveryBreakoutReportedAndLocked() {
        Instant afterLock = Instant.parse("2021-02-16T18:00:00Z");
        Instant beforeLock = Instant.parse("2021-02-16T16:00:00Z");
        List<Conclusion> today = day(DAY2, 4, false);
        LuceneTrendAnalyzer analyzer = new LuceneTrendAnalyzer();
        assertThat(analyzer.analyse(new AnalysisInput(CONFERENCE, DAY2, today, new TreeMap<>(), thesaurus,
                AnalysisSettings.DEFAULTS, 4, afterLock)).complete()).isTrue();
        assertThat(analyzer.analyse(new AnalysisInput(CONFERENCE, DAY2, today, new TreeMap<>(), thesaurus,
                AnalysisSettings.DEFAULTS, 5, afterLock)).complete()).isFalse();
        assertThat(analyzer.analyse(new AnalysisInput(CONFERENCE, DAY2, today, new TreeMap<>(), thesaurus,
                AnalysisSettings.DEFAULTS, 4, beforeLock)).complete()).isFalse();
        assertThat(analyzer.analyse(new AnalysisInput(CONFERENCE, DAY2, today, new TreeMap<>(), thesaurus,
                AnalysisSettings.DEFAULTS, 4)).complete()).isFalse();
    }
}
