/**
 * What the session service knows about participants, learned only from {@code registration.events}
 * (no personal contact data). Applying an event is idempotent by event id, so redelivery and replay
 * change nothing; the view can be rebuilt by replaying the topic.
 */
package dev.hybridconf.session.participants;
