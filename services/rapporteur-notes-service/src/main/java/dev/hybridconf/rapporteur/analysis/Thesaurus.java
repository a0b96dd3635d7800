package dev.hybridconf.rapporteur.analysis;

import java.util.List;

/** A conference's concepts, so that one idea counts once whatever the language or wording; versioned. */
public record Thesaurus(long version, List<Concept> concepts) {

    public static final Thesaurus EMPTY = new Thesaurus(0, List.of());

    public Thesaurus {
        concepts = List.copyOf(concepts);
    }
}
