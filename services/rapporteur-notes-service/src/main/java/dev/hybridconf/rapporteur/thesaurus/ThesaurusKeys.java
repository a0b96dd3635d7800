package dev.hybridconf.rapporteur.thesaurus;

import dev.hybridconf.kit.redis.KeySpace;

/**
 * Where a conference's thesaurus is kept: the hash {@code thes:<conferenceId>} with {@code version} (0 when absent,
 * +1 per change), {@code concepts} (JSON), {@code updatedAt} and {@code updatedBy}. Public for the trend worker,
 * whose stored analysis is guarded by the version it read.
 */
public final class ThesaurusKeys {

    /** The hash field holding the version. */
    public static final String VERSION = "version";

    private ThesaurusKeys() {
    }

    public static String thesaurus(KeySpace keys, String conferenceId) {
        return keys.key("thes", conferenceId);
    }
}
