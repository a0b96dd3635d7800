/**
 * Languages of a conference and of each session, and the channels each session needs: the organisers' settings
 * (extras, channels always offered, the threshold; per session delivery, relay, forced and dropped channels), the
 * rule that turns demand into needed channels ({@link dev.hybridconf.interpretation.languages.ChannelRule}), the
 * {@link dev.hybridconf.interpretation.needs.SessionNeeds} the planner reads, and their HTTP API.
 */
package dev.hybridconf.interpretation.languages;
