/** The languages the interpretation plan knows. */
package dev.hybridconf.interpretation.language;
