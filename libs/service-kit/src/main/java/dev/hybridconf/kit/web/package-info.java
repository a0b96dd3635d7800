/**
 * The HTTP edge of a service: refusing malformed requests (undecodable query strings, paths the
 * firewall rejects, odd methods) and answering every error the container or the framework raises on its
 * own as problem details, so no request, however broken, gets an HTML page, an empty body or a 500.
 * Also small helpers for what a service writes (CSV cells).
 */
package dev.hybridconf.kit.web;
