package dev.hybridconf.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import dev.hybridconf.gateway.problem.ProblemResponses;

/**
 * Bearer-token access at the edge. The JWT decoder itself is Spring Boot's, built from
 * {@code spring.security.oauth2.resourceserver.jwt.*}: keys from the JWK set URI, fetched and cached
 * without blocking, and the issuer checked. Roles come from the {@code roles} claim as
 * {@code ROLE_<name>} authorities. The {@code Authorization} header travels on to the upstream
 * unchanged.
 *
 * <p>Stateless: no session, no saved request, no CSRF token (no cookie carries authority here).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class GatewaySecurityConfiguration {

    /** The portal's static files, readable before anyone has a token. */
    private static final String[] PORTAL = {"/", "/index.html", "/assets/**", "/favicon.ico"};

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemResponses problems) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge(e));
            String messageKey = e instanceof InvalidBearerTokenException
                    ? "problem.invalid-token"
                    : "problem.unauthenticated";
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", messageKey);
        };
        ServerAccessDeniedHandler denied = (exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                "forbidden", "problem.forbidden");

        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/registrations").permitAll()
                        // A participant opening their access link has no token yet: the code is the credential.
                        .pathMatchers(HttpMethod.POST, "/api/registrations/access-tokens").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/registrations/reminders").permitAll()
                        // Calendar apps subscribe to a personal feed with no token: the unguessable address is the credential.
                        .pathMatchers(HttpMethod.GET, "/api/sessions/calendars/*").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/interpretation/calendars/*").permitAll()
                        // Published daily summaries, their charts and feed are for everyone (drafts never are).
                        .pathMatchers(HttpMethod.GET, "/api/rapporteur/conferences/*/summaries",
                                "/api/rapporteur/conferences/*/summaries.atom",
                                "/api/rapporteur/conferences/*/themes.svg",
                                "/api/rapporteur/conferences/*/days/*/summary/published",
                                "/api/rapporteur/conferences/*/days/*/themes.svg").permitAll()
                        // The portal lists the conferences people may register for before they have a token.
                        .pathMatchers(HttpMethod.GET, "/api/sessions/conferences").permitAll()
                        // The streaming service verifies Zoom's signature; Zoom sends no bearer token.
                        .pathMatchers("/webhooks/zoom/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .pathMatchers(HttpMethod.GET, PORTAL).permitAll()
                        .pathMatchers(HttpMethod.HEAD, PORTAL).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .build();
    }

    /** RFC 6750 challenge: tells a client whether to fetch a token or a fresh one. */
    private static String challenge(AuthenticationException e) {
        return e instanceof InvalidBearerTokenException ? "Bearer error=\"invalid_token\"" : "Bearer";
    }
}
