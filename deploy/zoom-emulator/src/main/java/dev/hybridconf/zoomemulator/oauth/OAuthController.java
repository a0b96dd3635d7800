package dev.hybridconf.zoomemulator.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.zoomemulator.EmulatorProperties;
import dev.hybridconf.zoomemulator.PublicUrls;

/**
 * {@code POST /oauth/token?grant_type=account_credentials&account_id=...} with HTTP Basic client credentials, as at
 * {@code https://zoom.us/oauth/token}. The parameters may also come form-encoded in the body. Answers
 * {@code {access_token, token_type, expires_in, scope, api_url}}; errors use OAuth's {@code {reason, error}} shape.
 */
@RestController
public class OAuthController {

    private final EmulatorProperties properties;
    private final AccessTokens tokens;
    private final PublicUrls urls;

    public OAuthController(EmulatorProperties properties, AccessTokens tokens, PublicUrls urls) {
        this.properties = properties;
        this.tokens = tokens;
        this.urls = urls;
    }

    @PostMapping("/oauth/token")
    ResponseEntity<Map<String, Object>> token(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
            String authorization, @RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "account_id", required = false) String accountId, HttpServletRequest request) {
        if (!validClient(authorization)) {
            return error(401, "invalid_client", "Invalid client_id or client_secret");
        }
        if (!"account_credentials".equals(grantType)) {
            return error(400, "unsupported_grant_type", "unsupported grant type");
        }
        if (accountId == null || !accountId.equals(properties.accountId())) {
            return error(400, "invalid_request", "Invalid account_id");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue(properties.tokenLifetime()));
        body.put("token_type", "bearer");
        body.put("expires_in", properties.tokenLifetime().toSeconds());
        body.put("scope", properties.scope());
        body.put("api_url", urls.apiUrl(request));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    private boolean validClient(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String expected = properties.clientId() + ":" + properties.clientSecret();
        return MessageDigest.isEqual(decoded.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<Map<String, Object>> error(int status, String error, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        body.put("error", error);
        return ResponseEntity.status(status).body(body);
    }
}
