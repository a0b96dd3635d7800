package dev.hybridconf.zoomemulator.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Zoom's webhook signature scheme (v0) and the URL-validation answer, both HMAC-SHA256 in lower-case hex. */
public final class WebhookSigner {

    private WebhookSigner() {
    }

    /** The {@code x-zm-signature} header value for a body sent at {@code timestampSeconds}. */
    public static String signature(String secretToken, long timestampSeconds, byte[] body) {
        byte[] prefix = ("v0:" + timestampSeconds + ":").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return "v0=" + hmacHex(secretToken, message);
    }

    /** The {@code encryptedToken} a platform must answer to an {@code endpoint.url_validation} request. */
    public static String encryptedToken(String secretToken, String plainToken) {
        return hmacHex(secretToken, plainToken.getBytes(StandardCharsets.UTF_8));
    }

    static String hmacHex(String secretToken, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
