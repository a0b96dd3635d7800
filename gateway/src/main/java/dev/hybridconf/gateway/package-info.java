/**
 * The gateway: Spring Cloud Gateway on WebFlux. Routes live in {@code application.yml}; this
 * package holds only what configuration cannot express (token checks, problem details, metrics tags).
 */
package dev.hybridconf.gateway;
