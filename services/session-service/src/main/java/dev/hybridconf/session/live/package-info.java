/**
 * Live status: a session goes scheduled, live, ended (never back), by an organiser's or streaming
 * staff's request or from the streaming service's meeting events. Kept in its own key
 * ({@code session:live:<sessionId>}), apart from the programme, so it never bumps the programme
 * version; merged into the session read views and listed as "live now" per conference.
 */
package dev.hybridconf.session.live;
