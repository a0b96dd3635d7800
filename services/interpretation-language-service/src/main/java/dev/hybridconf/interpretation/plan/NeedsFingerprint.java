package dev.hybridconf.interpretation.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import dev.hybridconf.interpretation.needs.ChannelNeed;
import dev.hybridconf.interpretation.needs.SessionNeed;

/**
 * What a plan depends on in the sessions' needs, as one digest: each session's time, room, floor, relay and the
 * channels it needs with their delivery. Demand that moves without changing a channel (one more listener) does not
 * change it; a channel that appears or goes, a moved session, does.
 */
final class NeedsFingerprint {

    private NeedsFingerprint() {
    }

    static String of(List<SessionNeed> sessions) {
        StringBuilder text = new StringBuilder();
        sessions.stream().sorted(java.util.Comparator.comparing(SessionNeed::sessionId)).forEach(session -> {
            text.append(session.sessionId()).append('|').append(session.start()).append('|').append(session.end())
                    .append('|').append(session.room()).append('|').append(session.floorLanguages()).append('|')
                    .append(session.relayAllowed());
            session.channels().stream().sorted(java.util.Comparator.comparing(ChannelNeed::language))
                    .forEach(channel -> text.append('|').append(channel.language()).append(':')
                            .append(channel.delivery()).append(':').append(channel.sign()));
            text.append('\n');
        });
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
