/** The interpreter roster of each conference: languages the AIIC way, work mode, availability, preferences. */
package dev.hybridconf.interpretation.roster;
