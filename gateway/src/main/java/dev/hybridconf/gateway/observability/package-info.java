/** Metrics tags that let the gateway's meters be told apart from the services' and from each other. */
package dev.hybridconf.gateway.observability;
