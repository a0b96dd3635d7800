package dev.hybridconf.interpretation.roster;

/**
 * AIIC's classification of an interpreter's languages: {@code A} native (works into it from B and C),
 * {@code B} active (works into it from A only where the interpreter gives a retour), {@code C} passive
 * (understood, never worked into).
 */
public enum LanguageClass {
    A, B, C
}
