/**
 * What stands between a caller and the emulated endpoints, as at Zoom: the routes and their rate-limit categories,
 * the bearer-token check, the per-second limits shared by every caller of the account, and the per-host daily cap
 * on meeting and webinar create/update requests.
 */
package dev.hybridconf.zoomemulator.gate;
