/**
 * The registrant sync: a scheduled worker on every replica that drains {@code registrants:dirty} and makes
 * each provisioned session's Zoom registrants match the participants who may attend it, in batches of 30,
 * one replica per session at a time (a Redis lock and a lease on the session's due time).
 */
package dev.hybridconf.streaming.registrants;
