package dev.hybridconf.rapporteur.thesaurus;

import dev.hybridconf.rapporteur.analysis.Thesaurus;

/** The thesaurus organisers loaded for a conference ({@link Thesaurus#EMPTY} when none). */
public interface ThesaurusStore {

    Thesaurus current(String conferenceId);
}
