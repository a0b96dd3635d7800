package dev.hybridconf.rapporteur.analysis;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * TextRank salience (Mihalcea and Tarau 2004) over one language's content units of a day: an undirected graph whose
 * edges weigh how often two units occur within {@code window} units of each other in a sentence, ranked with
 * weighted PageRank (damping 0.85, start 1/N, until no score moves by 1e-6 or 100 iterations), nodes in key order,
 * scores divided by the highest.
 */
final class TextRank {

    static final double DAMPING = 0.85;
    static final double TOLERANCE = 1e-6;
    static final int MAX_ITERATIONS = 100;

    private final int window;
    private final TreeMap<String, TreeMap<String, Double>> edges = new TreeMap<>();

    TextRank(int window) {
        this.window = Math.max(2, window);
    }

    /** Adds a sentence's units, in order. */
    void add(List<String> units) {
        for (int i = 0; i < units.size(); i++) {
            edges.computeIfAbsent(units.get(i), k -> new TreeMap<>());
            for (int j = i + 1; j < units.size() && j - i < window; j++) {
                link(units.get(i), units.get(j), 1.0);
            }
        }
    }

    /** Adds weight to the edge between two nodes (for tests of a known graph). */
    void link(String a, String b, double weight) {
        if (a.equals(b)) {
            return;
        }
        edges.computeIfAbsent(a, k -> new TreeMap<>()).merge(b, weight, Double::sum);
        edges.computeIfAbsent(b, k -> new TreeMap<>()).merge(a, weight, Double::sum);
    }

    /** Every node's salience in [0, 1], 1 for the most salient. */
    SortedMap<String, Double> scores() {
        int n = edges.size();
        SortedMap<String, Double> result = new TreeMap<>();
        if (n == 0) {
            return result;
        }
        String[] nodes = edges.keySet().toArray(String[]::new);
        Map<String, Integer> index = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            index.put(nodes[i], i);
        }
        int[][] neighbours = new int[n][];
        double[][] weights = new double[n][];
        double[] strength = new double[n];
        for (int i = 0; i < n; i++) {
            TreeMap<String, Double> out = edges.get(nodes[i]);
            neighbours[i] = new int[out.size()];
            weights[i] = new double[out.size()];
            int k = 0;
            for (Map.Entry<String, Double> edge : out.entrySet()) {
                neighbours[i][k] = index.get(edge.getKey());
                weights[i][k] = edge.getValue();
                strength[i] += edge.getValue();
                k++;
            }
        }
        double[] score = new double[n];
        java.util.Arrays.fill(score, 1.0 / n);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] next = new double[n];
            double delta = 0;
            for (int v = 0; v < n; v++) {
                double sum = 0;
                for (int k = 0; k < neighbours[v].length; k++) {
                    int u = neighbours[v][k];
                    sum += weights[v][k] / strength[u] * score[u];
                }
                next[v] = (1 - DAMPING) / n + DAMPING * sum;
                delta = Math.max(delta, Math.abs(next[v] - score[v]));
            }
            score = next;
            if (delta < TOLERANCE) {
                break;
            }
        }
        double max = 0;
        for (double s : score) {
            max = Math.max(max, s);
        }
        for (int i = 0; i < n; i++) {
            result.put(nodes[i], max > 0 ? score[i] / max : 0);
        }
        return result;
    }
}
