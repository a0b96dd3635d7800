/**
 * Breakout conclusions: a breakout's moderators post what their group concluded (summary, key
 * points, recommendations, themes, SDGs, the language they wrote in); every post is a new revision,
 * kept with who posted it and when, and a {@code session.conclusion-posted.v1} event written in the
 * same atomic step. Conclusions lock when the day's wrap-up starts (organisers unlock and lock them).
 */
package dev.hybridconf.session.conclusions;
