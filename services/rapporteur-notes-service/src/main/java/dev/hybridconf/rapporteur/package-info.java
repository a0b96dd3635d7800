/**
 * The rapporteur-notes service: rapporteur notes, the day's conclusions corpus and trend summaries. Owns its Redis key space
 * ({@code rapporteur:}) and publishes {@code rapporteur.events}. This module is the boot skeleton; its
 * capabilities arrive with their issues.
 */
package dev.hybridconf.rapporteur;
