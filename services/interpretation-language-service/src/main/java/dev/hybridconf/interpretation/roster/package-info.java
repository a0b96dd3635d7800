/**
 * The interpreter roster of each conference: languages the AIIC way, work mode, availability, preferences.
 * Organisers manage it (form, CSV import and export); an interpreter reads their own entry. Kept in Redis under
 * {@code interpretation:roster:}; it emits no event (the plan's events carry what others need).
 */
package dev.hybridconf.interpretation.roster;
