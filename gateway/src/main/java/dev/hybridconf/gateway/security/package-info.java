/**
 * Who may pass the gateway: a valid bearer token for everything except the public entry points
 * (registration, Zoom webhooks, health and metrics, the portal's files). The services check the
 * relayed token again and decide per object; the gateway only keeps anonymous traffic out.
 */
package dev.hybridconf.gateway.security;
