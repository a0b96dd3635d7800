package dev.hybridconf.interpretation.needs;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;

/**
 * One channel a session needs: a booth (or a sign-language team) interpreting into {@code language}.
 *
 * @param language        the target language code (see {@code LanguageCatalogue})
 * @param sign            whether it is a sign language
 * @param delivery        where it reaches listeners: the room's booth, Zoom, or both
 * @param roomListeners   expected listeners in the room who prefer this language
 * @param remoteListeners expected listeners on Zoom who prefer this language
 * @param forced          whether an organiser forced the channel regardless of demand
 */
public record ChannelNeed(String language, boolean sign, Delivery delivery, int roomListeners, int remoteListeners,
        boolean forced) {

    public int listeners() {
        return roomListeners + remoteListeners;
    }
}
