/**
 * The conference thesaurus organisers load: concepts with labels in English, French and Spanish (and generic talk
 * to ignore), so that one idea counts once in the trends whatever the language or wording. Read and replaced as a
 * whole over HTTP (JSON or CSV, with versions and {@code If-Match}), exported as CSV; a change marks every analysed
 * day of the conference for a new analysis. Keys {@code thes:<conferenceId>}.
 */
package dev.hybridconf.rapporteur.thesaurus;
