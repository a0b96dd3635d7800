/** Events of the rapporteur-notes service ({@code rapporteur.events}). */
package dev.hybridconf.contracts.rapporteur;
