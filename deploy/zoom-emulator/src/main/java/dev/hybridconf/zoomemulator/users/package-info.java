/**
 * The account's licensed host users (some with a webinar licence), configured at start or added through the admin
 * API, and Zoom's {@code /v2/users} endpoints that read them.
 */
package dev.hybridconf.zoomemulator.users;
