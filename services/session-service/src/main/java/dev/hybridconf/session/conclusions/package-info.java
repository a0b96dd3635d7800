/**
 * Breakout conclusions: a breakout's moderators post what their group concluded (summary, key
 * points, recommendations, themes, SDGs, the language they wrote in); every post is a new revision,
 * kept with who posted it and when, and a {@code session.conclusion-posted.v1} event written in the
 * same atomic step. Conclusions lock when the wrap-up that reports on the breakout starts (the first
 * wrap-up after it ends), else at the end of the conference; organisers set another time for a breakout
 * or a day, lock and unlock them ({@link dev.hybridconf.session.conclusions.LockRule}).
 */
package dev.hybridconf.session.conclusions;
