package dev.hybridconf.interpretation.roster;

/**
 * One language of an interpreter.
 *
 * @param language the code (see {@code LanguageCatalogue}); sign languages included
 * @param level    A, B or C
 * @param retour   for a B language: whether they work into it (from their A); ignored for A and C
 */
public record LanguageSkill(String language, LanguageClass level, boolean retour) {
}
