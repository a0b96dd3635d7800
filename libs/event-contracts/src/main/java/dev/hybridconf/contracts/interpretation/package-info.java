/** Events of the interpretation-language service ({@code interpretation.events}). */
package dev.hybridconf.contracts.interpretation;
