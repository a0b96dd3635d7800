package dev.hybridconf.rapporteur.summary;

/**
 * @param revision    the language's draft revision published
 * @param stale       it was written from another language's text that changed since
 * @param writtenFrom the language it was written from, or null
 */
public record PublishedText(String language, long revision, String markdown, boolean stale, String writtenFrom) {
}
