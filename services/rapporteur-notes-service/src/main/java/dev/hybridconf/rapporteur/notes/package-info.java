/**
 * Rapporteurs' own notes per session: private to rapporteurs and organisers, edited or deleted only by their author
 * (anyone else gets 404), every edit kept as a revision, never put in a generated draft. Keys
 * {@code rapporteur:notes:*}.
 */
package dev.hybridconf.rapporteur.notes;
