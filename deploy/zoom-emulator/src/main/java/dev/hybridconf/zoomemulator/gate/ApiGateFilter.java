package dev.hybridconf.zoomemulator.gate;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.hybridconf.zoomemulator.api.ZoomApiException;
import dev.hybridconf.zoomemulator.api.ZoomErrors;
import dev.hybridconf.zoomemulator.oauth.AccessTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * In front of every {@code /v2} endpoint, as at Zoom: a valid bearer token (401, code 124, otherwise), then the
 * per-second quota of the endpoint's rate category (429 otherwise). Successful answers carry
 * {@code X-RateLimit-Category}.
 */
@Component
public class ApiGateFilter extends OncePerRequestFilter {

    private final AccessTokens tokens;
    private final Limits limits;
    private final JsonMapper json;

    public ApiGateFilter(AccessTokens tokens, Limits limits, JsonMapper json) {
        this.tokens = tokens;
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v2/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ZoomRoute> route = ZoomRoutes.match(request.getMethod(), request.getRequestURI());
        try {
            switch (tokens.check(bearer(request))) {
                case VALID -> {
                }
                case EXPIRED -> throw new ZoomApiException(401, 124, "Access token is expired.");
                case UNKNOWN -> throw new ZoomApiException(401, 124, "Invalid access token.");
            }
            if (route.isPresent() && route.get().category() != null) {
                limits.acquire(route.get().category());
                response.setHeader("X-RateLimit-Category", route.get().category().header());
            }
        } catch (ZoomApiException e) {
            ZoomErrors.write(response, e, json);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
