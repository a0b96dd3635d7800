package dev.hybridconf.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.hybridconf.rapporteur.analysis.Concept;
import dev.hybridconf.rapporteur.analysis.LuceneTrendAnalyzer;
import dev.hybridconf.rapporteur.analysis.Thesaurus;
import dev.hybridconf.rapporteur.corpus.Conclusion;
import dev.hybridconf.rapporteur.corpus.LockState;

/**
 * A generated conference week with trends planted in it, to measure whether the trend analysis finds them (ADR 0020,
 * docs/performance.md). Seeded: the same seed gives the same corpus.
 * <ul>
 * <li>Breakouts: 50 % English, 25 % French, 25 % Spanish; each conclusion a summary, three key points and two
 * recommendations, about 120 words.</li>
 * <li>Background: per language a Zipfian vocabulary of made-up words (rank r drawn with probability ∝ 1/r), made into
 * 2–3-word phrases that share no word pair; a phrase is used by at most two breakouts a day. Phrases are joined by
 * stop words and commas, and sentences open with discourse ("Participants stressed that", "Il faut", "Es
 * necesario").</li>
 * <li>Generic talk: each of "local governments", "sustainable development" and "urban agenda" (in the breakout's
 * language) in about 30 % of the breakouts every day, more than most planted themes; the thesaurus marks them
 * {@code ignore}, as an organiser would ({@code TrendRecall --without-ignore true} measures what that is worth).</li>
 * <li>Planted themes, three a day, each raised by 5–8 breakouts with varied surface forms (plural, elision, accents,
 * capitals): day 1 three new ones; day 2 two new ones and one of day 1's again; from day 3 the emerging theme,
 * raised only in French and Spanish breakouts and labelled in the thesaurus, one new theme and one of the day
 * before's again. The other themes are phrases of one language, with no thesaurus entry.</li>
 * <li>Thesaurus distractors: concepts nobody raises, one sharing a word with the emerging theme, and concepts whose
 * labels are background phrases.</li>
 * </ul>
 */
final class PlantedCorpus {

    static final String CONFERENCE = "planted-trends";
    static final LocalDate FIRST_DAY = LocalDate.of(2021, 2, 15);

    /** A planted theme: the phrase or concept a trend must carry, its surface forms per language. */
    record Theme(String id, boolean concept, Map<String, List<String>> surfaces) {

        /** Its one language (phrase themes). */
        String language() {
            return surfaces.keySet().iterator().next();
        }
    }

    /** A theme as planted on a day: the breakouts raising it, and whether it was planted on an earlier day. */
    record Planted(Theme theme, Set<String> sessionIds, boolean fresh) {
    }

    record Day(LocalDate date, List<Conclusion> conclusions, List<Planted> planted) {
    }

    // Phrase themes: one language each; every surface analyses to the first one's terms (checked at start).
    private static final List<Theme> PHRASE_THEMES = List.of(
            phrase("affordable-homes", "en", "affordable homes", "Affordable homes", "affordable home"),
            phrase("green-bonds", "en", "green bonds", "Green bond", "green bond"),
            phrase("heat-waves", "en", "heat waves", "Heat waves", "heat wave"),
            phrase("bike-lanes", "en", "bike lanes", "Bike lane", "bike lane"),
            phrase("food-banks", "en", "food banks", "Food bank", "food bank"),
            phrase("participatory-budgets", "en", "participatory budgets", "Participatory budget"),
            phrase("informal-settlements", "en", "informal settlements", "Informal settlement"),
            phrase("cultural-heritage", "en", "cultural heritage", "Cultural heritage"),
            phrase("digital-divide", "en", "digital divide", "Digital divide", "digital divides"),
            phrase("flood-defences", "en", "flood defences", "Flood defence"),
            phrase("budgets-participatifs", "fr", "budgets participatifs", "Budget participatif"),
            phrase("jardins-partages", "fr", "jardins partagés", "Jardin partagé", "jardins partages"),
            phrase("mobilite-douce", "fr", "mobilité douce", "Mobilités douces", "mobilite douce"),
            phrase("habitat-indigne", "fr", "habitat indigne", "l'habitat indigne", "d’habitat indigne"),
            phrase("transition-energetique", "fr", "transition énergétique", "transitions énergétiques",
                    "Transition energetique"),
            phrase("vegetalisation-urbaine", "fr", "végétalisation urbaine", "Végétalisation urbaine",
                    "vegetalisation urbaine"),
            phrase("viviendas-asequibles", "es", "viviendas asequibles", "Vivienda asequible"),
            phrase("presupuestos-participativos", "es", "presupuestos participativos", "Presupuesto participativo"),
            phrase("huertos-urbanos", "es", "huertos urbanos", "Huerto urbano"),
            phrase("movilidad-activa", "es", "movilidad activa", "Movilidad activa"),
            phrase("energias-limpias", "es", "energías limpias", "Energia limpia", "energía limpia"),
            phrase("espacios-publicos", "es", "espacios públicos", "Espacio publico", "espacios publicos"));

    // Emerging themes: French and Spanish only, with thesaurus labels in three languages (one per corpus).
    private static final List<Theme> EMERGING_THEMES = List.of(
            new Theme("circular-economy", true, Map.of(
                    "fr", List.of("économie circulaire", "l'économie circulaire", "économies circulaires",
                            "Economie circulaire"),
                    "es", List.of("economía circular", "economías circulares", "Economia circular"))),
            new Theme("right-to-the-city", true, Map.of(
                    "fr", List.of("droit à la ville", "Droit à la ville", "droits à la ville"),
                    "es", List.of("derecho a la ciudad", "Derecho a la ciudad", "derechos a la ciudad"))),
            new Theme("metropolitan-governance", true, Map.of(
                    "fr", List.of("gouvernance métropolitaine", "Gouvernance metropolitaine"),
                    "es", List.of("gobernanza metropolitana", "Gobernanza metropolitana"))),
            new Theme("inclusive-cities", true, Map.of(
                    "fr", List.of("villes inclusives", "ville inclusive", "Villes inclusives"),
                    "es", List.of("ciudades inclusivas", "ciudad inclusiva", "Ciudades inclusivas"))));

    private static final Map<String, String> EMERGING_EN = Map.of("circular-economy", "circular economy",
            "right-to-the-city", "right to the city", "metropolitan-governance", "metropolitan governance",
            "inclusive-cities", "inclusive cities");

    private static final List<Concept> GENERIC = List.of(
            new Concept("local-governments", Map.of("en", List.of("local governments", "local government"),
                    "fr", List.of("gouvernements locaux", "gouvernement local"),
                    "es", List.of("gobiernos locales", "gobierno local")), true),
            new Concept("sustainable-development", Map.of("en", List.of("sustainable development"),
                    "fr", List.of("développement durable"), "es", List.of("desarrollo sostenible")), true),
            new Concept("urban-agenda", Map.of("en", List.of("urban agenda"), "fr", List.of("agenda urbain"),
                    "es", List.of("agenda urbana")), true));

    private static final List<Concept> DISTRACTORS = List.of(
            new Concept("circular-migration", Map.of("en", List.of("circular migration"),
                    "fr", List.of("migration circulaire"), "es", List.of("migración circular")), false),
            new Concept("smart-grids", Map.of("en", List.of("smart grid"), "fr", List.of("réseau intelligent"),
                    "es", List.of("red inteligente")), false),
            new Concept("water-scarcity", Map.of("en", List.of("water scarcity"), "fr", List.of("pénurie d'eau"),
                    "es", List.of("escasez de agua")), false),
            new Concept("public-procurement", Map.of("en", List.of("public procurement"),
                    "fr", List.of("marchés publics"), "es", List.of("compras públicas")), false));

    private static final Map<String, List<String>> OPENERS = Map.of(
            "en", List.of("Participants stressed that", "We need", "It is important to ensure", "The session highlighted",
                    "Speakers also noted", "There is a need for"),
            "fr", List.of("Les participants ont souligné que", "Il faut", "Il est nécessaire de", "Nous devons",
                    "Les intervenants ont rappelé", "Il est essentiel de"),
            "es", List.of("Los participantes destacaron que", "Es necesario", "Deben", "Es importante garantizar",
                    "Los ponentes señalaron", "Hay que"));
    private static final Map<String, List<String>> JOINS = Map.of(
            "en", List.of(" of the ", " and ", " for ", " in the ", " with ", ", ", " to the "),
            "fr", List.of(" de la ", " et ", " pour les ", " dans le ", " avec ", ", ", " sur les "),
            "es", List.of(" de la ", " y ", " para los ", " en el ", " con ", ", ", " sobre las "));
    private static final Map<String, String[]> LETTERS = Map.of(
            "en", new String[] {"bcdfgklmnprstvz", "aeiou"},
            "fr", new String[] {"bcdfglmnprstv", "aeiouéè"},
            "es", new String[] {"bcdfglmnprstvñ", "aeiouáó"});

    static final int VOCABULARY = 1_500;
    static final int PHRASE_POOL = 4_000;
    static final double GENERIC_SHARE = 0.3;

    final long seed;
    final List<Day> days;
    final Thesaurus thesaurus;
    final Theme emerging;

    private PlantedCorpus(long seed, List<Day> days, Thesaurus thesaurus, Theme emerging) {
        this.seed = seed;
        this.days = days;
        this.thesaurus = thesaurus;
        this.emerging = emerging;
    }

    private static Theme phrase(String id, String language, String... surfaces) {
        return new Theme(id, false, Map.of(language, List.of(surfaces)));
    }

    /** The analysed terms a trend of a phrase theme must contain ({@code p:<lang>:<terms>}). */
    static String themeTerms(LuceneTrendAnalyzer analyzer, Theme theme) {
        return analyzer.labelKey(theme.language(), theme.surfaces().get(theme.language()).get(0));
    }

    /** Fails when a theme's surface forms would not analyse to one term sequence: the benchmark would be wrong. */
    static void checkThemes(LuceneTrendAnalyzer analyzer) {
        List<Theme> all = new ArrayList<>(PHRASE_THEMES);
        all.addAll(EMERGING_THEMES);
        for (Theme theme : all) {
            theme.surfaces().forEach((language, surfaces) -> {
                String key = analyzer.labelKey(language, surfaces.get(0));
                for (String surface : surfaces) {
                    if (!analyzer.labelKey(language, surface).equals(key)) {
                        throw new IllegalStateException(theme.id() + ": '" + surface + "' analyses to '"
                                + analyzer.labelKey(language, surface) + "', not '" + key + "'");
                    }
                }
            });
        }
    }

    static PlantedCorpus generate(long seed, int dayCount, int breakouts) {
        Random random = new Random(seed);
        Map<String, List<String>> pools = new TreeMap<>();
        for (String language : List.of("en", "es", "fr")) {
            pools.put(language, phrasePool(language, random));
        }
        List<Theme> phraseThemes = new ArrayList<>(PHRASE_THEMES);
        Collections.shuffle(phraseThemes, random);
        Theme emerging = EMERGING_THEMES.get(random.nextInt(EMERGING_THEMES.size()));

        List<Concept> concepts = new ArrayList<>(GENERIC);
        concepts.addAll(DISTRACTORS);
        for (Theme theme : EMERGING_THEMES) {
            Map<String, List<String>> labels = new TreeMap<>();
            labels.put("en", List.of(EMERGING_EN.get(theme.id())));
            theme.surfaces().forEach((language, surfaces) -> labels.put(language, List.of(surfaces.get(0))));
            concepts.add(new Concept(theme.id(), labels, false));
        }
        for (String language : List.of("en", "fr", "es")) {
            List<String> pool = pools.get(language);
            for (int i = 0; i < 5; i++) {
                concepts.add(new Concept("background-" + language + "-" + i,
                        Map.of(language, List.of(pool.get(random.nextInt(pool.size())))), false));
            }
        }
        Thesaurus thesaurus = new Thesaurus(1, concepts);

        List<Day> days = new ArrayList<>();
        List<Theme> previous = List.of();
        int nextFresh = 0;
        for (int d = 0; d < dayCount; d++) {
            LocalDate date = FIRST_DAY.plusDays(d);
            List<Theme> todays = new ArrayList<>();
            Set<String> freshIds = new HashSet<>();
            if (d >= 2) {
                todays.add(emerging);
                if (d == 2) {
                    freshIds.add(emerging.id());
                }
            }
            if (d >= 1) {
                List<Theme> carried = previous.stream().filter(t -> !t.concept()).toList();
                todays.add(carried.get(random.nextInt(carried.size())));
            }
            while (todays.size() < 3) {
                Theme fresh = phraseThemes.get(nextFresh++ % phraseThemes.size());
                todays.add(fresh);
                freshIds.add(fresh.id());
            }
            days.add(day(date, d, breakouts, todays, freshIds, pools, random));
            previous = todays;
        }
        return new PlantedCorpus(seed, days, thesaurus, emerging);
    }

    private static Day day(LocalDate date, int index, int breakouts, List<Theme> themes, Set<String> freshIds,
            Map<String, List<String>> pools, Random random) {
        List<String> languages = new ArrayList<>();
        int english = Math.round(breakouts * 0.5f);
        int french = Math.round(breakouts * 0.25f);
        for (int i = 0; i < breakouts; i++) {
            languages.add(i < english ? "en" : i < english + french ? "fr" : "es");
        }
        Collections.shuffle(languages, random);
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < breakouts; i++) {
            sessions.add(String.format("d%d-b%02d", index + 1, i));
        }

        // Which breakouts raise which theme, and how many times.
        Map<Integer, List<Theme>> raised = new HashMap<>();
        List<Planted> planted = new ArrayList<>();
        for (Theme theme : themes) {
            List<Integer> eligible = new ArrayList<>();
            for (int i = 0; i < breakouts; i++) {
                if (theme.surfaces().containsKey(languages.get(i))) {
                    eligible.add(i);
                }
            }
            Collections.shuffle(eligible, random);
            int count = Math.min(eligible.size(), 5 + random.nextInt(4));
            Set<String> ids = new TreeSet<>();
            for (int i : eligible.subList(0, count)) {
                raised.computeIfAbsent(i, k -> new ArrayList<>()).add(theme);
                ids.add(sessions.get(i));
            }
            planted.add(new Planted(theme, ids, freshIds.contains(theme.id())));
        }

        Map<String, Map<String, Integer>> used = new HashMap<>();
        List<Conclusion> conclusions = new ArrayList<>();
        for (int i = 0; i < breakouts; i++) {
            String language = languages.get(i);
            List<String> pool = pools.get(language);
            Map<String, Integer> usedToday = used.computeIfAbsent(language, l -> new HashMap<>());
            // 10 sentences: 4 of the summary, 3 key points, 2 recommendations (+1 spare, merged into the summary)
            List<String> sentences = new ArrayList<>();
            Set<String> mine = new HashSet<>();
            for (int s = 0; s < 9; s++) {
                int phrases = 2 + random.nextInt(3);
                List<String> parts = new ArrayList<>();
                for (int p = 0; p < phrases; p++) {
                    parts.add(background(pool, usedToday, mine, random));
                }
                sentences.add(sentence(language, parts, random));
            }
            for (Concept generic : GENERIC) {
                if (random.nextDouble() < GENERIC_SHARE) {
                    List<String> labels = generic.labels().get(language);
                    String surface = labels.get(random.nextInt(labels.size()));
                    insert(sentences, language, surface, background(pool, usedToday, mine, random), random);
                }
            }
            for (Theme theme : raised.getOrDefault(i, List.of())) {
                List<String> surfaces = theme.surfaces().get(language);
                int mentions = 1 + random.nextInt(2);
                for (int m = 0; m < mentions; m++) {
                    String surface = surfaces.get(random.nextInt(surfaces.size()));
                    insert(sentences, language, surface, background(pool, usedToday, mine, random), random);
                }
            }
            String summary = String.join(" ", sentences.subList(0, 4));
            List<String> keyPoints = List.copyOf(sentences.subList(4, 7));
            List<String> recommendations = List.copyOf(sentences.subList(7, 9));
            Instant posted = date.atTime(16, 0).toInstant(ZoneOffset.UTC).plusSeconds(60L * i);
            List<Integer> sdgs = List.of(11, 1 + random.nextInt(17));
            conclusions.add(new Conclusion(sessions.get(i), CONFERENCE, date, 1 + random.nextInt(2), language, summary,
                    keyPoints, recommendations, List.of(), sdgs, "moderator-" + i, posted,
                    new LockState(date.atTime(17, 0).toInstant(ZoneOffset.UTC), "WRAP_UP", null)));
        }
        return new Day(date, conclusions, planted);
    }

    /** Puts a mention into a random sentence: "<opener> <surface><join><phrase>." replaces it. */
    private static void insert(List<String> sentences, String language, String surface, String phrase, Random random) {
        List<String> openers = OPENERS.get(language);
        List<String> joins = JOINS.get(language);
        String text = openers.get(random.nextInt(openers.size())) + " " + surface
                + joins.get(random.nextInt(joins.size())) + phrase + ".";
        int at = random.nextInt(sentences.size());
        sentences.set(at, text + " " + sentences.get(at));
    }

    private static String sentence(String language, List<String> parts, Random random) {
        List<String> openers = OPENERS.get(language);
        List<String> joins = JOINS.get(language);
        StringBuilder text = new StringBuilder();
        if (random.nextInt(3) == 0) {
            text.append(openers.get(random.nextInt(openers.size()))).append(' ').append(parts.get(0));
        } else {
            text.append(Character.toUpperCase(parts.get(0).charAt(0))).append(parts.get(0).substring(1));
        }
        for (String part : parts.subList(1, parts.size())) {
            text.append(joins.get(random.nextInt(joins.size()))).append(part);
        }
        return text.append('.').toString();
    }

    /** A background phrase not yet in this conclusion and used by fewer than two breakouts today. */
    private static String background(List<String> pool, Map<String, Integer> usedToday, Set<String> mine,
            Random random) {
        while (true) {
            String phrase = pool.get(random.nextInt(pool.size()));
            if (mine.contains(phrase)) {
                return phrase;
            }
            if (usedToday.getOrDefault(phrase, 0) < 2) {
                usedToday.merge(phrase, 1, Integer::sum);
                mine.add(phrase);
                return phrase;
            }
        }
    }

    /** 2–3-word phrases over a Zipfian vocabulary, no two sharing a word pair. */
    private static List<String> phrasePool(String language, Random random) {
        List<String> words = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String consonants = LETTERS.get(language)[0];
        String vowels = LETTERS.get(language)[1];
        while (words.size() < VOCABULARY) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(2);
            for (int s = 0; s < syllables; s++) {
                word.append(consonants.charAt(random.nextInt(consonants.length())));
                word.append(vowels.charAt(random.nextInt(vowels.length())));
            }
            word.append(consonants.charAt(random.nextInt(consonants.length())));
            if (seen.add(word.toString())) {
                words.add(word.toString());
            }
        }
        double[] cumulative = new double[VOCABULARY];
        double total = 0;
        for (int r = 0; r < VOCABULARY; r++) {
            total += 1.0 / (r + 1);
            cumulative[r] = total;
        }
        Set<String> pairs = new HashSet<>();
        List<String> pool = new ArrayList<>();
        while (pool.size() < PHRASE_POOL) {
            int length = 2 + random.nextInt(2);
            List<String> phrase = new ArrayList<>();
            for (int k = 0; k < length; k++) {
                double u = random.nextDouble() * total;
                int r = java.util.Arrays.binarySearch(cumulative, u);
                phrase.add(words.get(r >= 0 ? r : Math.min(VOCABULARY - 1, -r - 1)));
            }
            List<String> phrasePairs = new ArrayList<>();
            for (int k = 0; k + 1 < length; k++) {
                phrasePairs.add(phrase.get(k) + " " + phrase.get(k + 1));
            }
            if (new HashSet<>(phrase).size() < length || phrasePairs.stream().anyMatch(pairs::contains)) {
                continue;
            }
            pairs.addAll(phrasePairs);
            pool.add(String.join(" ", phrase));
        }
        return pool;
    }
}
