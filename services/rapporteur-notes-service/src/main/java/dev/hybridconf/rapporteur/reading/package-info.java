/**
 * For readers, without a token: the published summaries of a conference's days in the reader's language (or another
 * with a notice saying so), as JSON or as a page rendered from the rapporteurs' Markdown, the themes of the days as SVG
 * charts, and an Atom feed of publications. Reads only what was published ({@code summary.PublishedSummaries}), the
 * programme's copy ({@code programme.Programme}) and the stored analyses ({@code trends.Trends}) of published days:
 * a draft, a note or the trends of an unpublished day never reach this package's answers. Writes nothing.
 */
package dev.hybridconf.rapporteur.reading;
