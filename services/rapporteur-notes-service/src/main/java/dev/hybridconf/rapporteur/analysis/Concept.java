package dev.hybridconf.rapporteur.analysis;

import java.util.List;
import java.util.Map;

/**
 * @param id     stable, lower-case slug ({@code affordable-housing})
 * @param labels per language, the preferred label first ({@code fr: ["logement abordable", "logement accessible"]})
 * @param ignore true for generic talk the organisers want out of the trends ("the city", "la ville")
 */
public record Concept(String id, Map<String, List<String>> labels, boolean ignore) {

    public Concept {
        labels = Map.copyOf(labels);
    }
}
