/**
 * Zoom's Server-to-Server OAuth as the emulator offers it: {@code POST /oauth/token} with the
 * {@code account_credentials} grant and HTTP Basic client credentials, answering a bearer token that expires.
 */
package dev.hybridconf.zoomemulator.oauth;
