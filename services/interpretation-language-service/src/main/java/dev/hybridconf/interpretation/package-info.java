/**
 * The interpretation-language service: conference languages, interpreter roster, language demand and booth staffing. Owns its Redis key space
 * ({@code interpretation:}) and publishes {@code interpretation.events}. This module is the boot skeleton; its
 * capabilities arrive with their issues.
 */
package dev.hybridconf.interpretation;
