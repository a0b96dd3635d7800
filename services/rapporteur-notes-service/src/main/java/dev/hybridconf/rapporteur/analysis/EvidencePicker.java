package dev.hybridconf.rapporteur.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the sentences quoted for a trend, greedily: first a breakout not yet quoted, then a language not yet
 * quoted, then the most salient sentence; ties by session id, field, offset. So a reader sees the trend in as many
 * breakouts and languages as the quota allows.
 */
final class EvidencePicker {

    /** A sentence holding the trend, with where in its field it starts and its salience. */
    record Candidate(Evidence evidence, int offset, double salience) {
    }

    private static final Comparator<Candidate> TIES = Comparator
            .comparing((Candidate c) -> c.evidence().sessionId())
            .thenComparing(c -> c.evidence().field())
            .thenComparingInt(Candidate::offset);

    private EvidencePicker() {
    }

    static List<Evidence> pick(List<Candidate> candidates, int count) {
        List<Candidate> left = new ArrayList<>(candidates);
        left.sort(TIES);
        Set<String> sessions = new HashSet<>();
        Set<String> languages = new HashSet<>();
        List<Evidence> picked = new ArrayList<>();
        while (picked.size() < count && !left.isEmpty()) {
            Candidate best = null;
            for (Candidate candidate : left) {
                if (best == null || better(candidate, best, sessions, languages)) {
                    best = candidate;
                }
            }
            left.remove(best);
            picked.add(best.evidence());
            sessions.add(best.evidence().sessionId());
            languages.add(best.evidence().language());
        }
        return picked;
    }

    private static boolean better(Candidate a, Candidate b, Set<String> sessions, Set<String> languages) {
        boolean aNewSession = !sessions.contains(a.evidence().sessionId());
        boolean bNewSession = !sessions.contains(b.evidence().sessionId());
        if (aNewSession != bNewSession) {
            return aNewSession;
        }
        boolean aNewLanguage = !languages.contains(a.evidence().language());
        boolean bNewLanguage = !languages.contains(b.evidence().language());
        if (aNewLanguage != bNewLanguage) {
            return aNewLanguage;
        }
        if (a.salience() != b.salience()) {
            return a.salience() > b.salience();
        }
        return TIES.compare(a, b) < 0;
    }
}
