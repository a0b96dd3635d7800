package dev.hybridconf.rapporteur.analysis;

/**
 * Whether a term is raised by more breakouts today than on the conference's earlier days: the log-odds ratio with
 * an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, "Fightin' Words"), counted in breakouts. The
 * prior is the term's rate over the conference so far, (y₀ + y₁ + ½) / (n₀ + n₁ + 1), scaled by α.
 */
final class EmergenceModel {

    private EmergenceModel() {
    }

    /**
     * @param today            breakouts raising the term today (y₁)
     * @param reportingToday   breakouts reporting today (n₁)
     * @param earlier          breakouts raising it on earlier days (y₀)
     * @param reportingEarlier breakouts reporting on earlier days (n₀)
     * @param alpha            prior strength
     */
    static Emergence of(int today, int reportingToday, int earlier, int reportingEarlier, double alpha) {
        double y1 = today;
        double n1 = reportingToday;
        double y0 = earlier;
        double n0 = reportingEarlier;
        double p = (y0 + y1 + 0.5) / (n0 + n1 + 1);
        double a = alpha * p;
        double b = alpha * (1 - p);
        double delta = Math.log((y1 + a) / (n1 - y1 + b)) - Math.log((y0 + a) / (n0 - y0 + b));
        double variance = 1 / (y1 + a) + 1 / (n1 - y1 + b) + 1 / (y0 + a) + 1 / (n0 - y0 + b);
        return new Emergence(today, reportingToday, earlier, reportingEarlier, delta, delta / Math.sqrt(variance));
    }

    /** The score's factor: exp(weight · clamp(z, −2, 4)); 1 without emergence. */
    static double factor(Emergence emergence, double weight) {
        if (emergence == null) {
            return 1;
        }
        return Math.exp(weight * Math.max(-2, Math.min(4, emergence.z())));
    }
}
