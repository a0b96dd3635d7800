/**
 * Hostile input for every service's tests: the corpus ({@link dev.hybridconf.testinfra.hostile.HostileValues}),
 * a client that sends it byte for byte ({@link dev.hybridconf.testinfra.hostile.RawHttp}), what a handled
 * answer looks like ({@link dev.hybridconf.testinfra.hostile.ProblemAssertions}), and a contract that sends it
 * to every endpoint a servlet service maps ({@link dev.hybridconf.testinfra.hostile.HostileInputContract}).
 */
package dev.hybridconf.testinfra.hostile;
