package dev.hybridconf.kit.security;

import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.errors.ProblemWriter;
import dev.hybridconf.kit.errors.Problems;

/**
 * Every request needs a valid token except health, metrics, the API description and the paths a
 * service declares public in {@code platform.security.public-paths}. Per-object checks stay in the
 * services; this only establishes who is calling and with which roles.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    /** Claim carrying the caller's roles, e.g. {@code ["organiser"]}. */
    public static final String ROLES_CLAIM = "roles";

    @Bean
    SecurityFilterChain platformSecurity(HttpSecurity http, PlatformProperties platform, ProblemWriter problems)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> problems.write(request, response,
                HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED, "problem.unauthenticated");
        AccessDeniedHandler denied = (request, response, e) -> problems.write(request, response,
                HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "problem.forbidden");
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                            "/v3/api-docs", "/v3/api-docs/**", "/error").permitAll();
                    for (String rule : platform.security().rolePaths()) {
                        String[] parts = rule.trim().split("\\s+", 3);
                        // "rapporteur,organiser GET /path": any of the listed roles may call it
                        String[] roles = parts[0].split(",");
                        if (parts.length == 3) {
                            requests.requestMatchers(HttpMethod.valueOf(parts[1].toUpperCase(Locale.ROOT)), parts[2])
                                    .hasAnyRole(roles);
                        } else if (parts.length == 2) {
                            requests.requestMatchers(parts[1]).hasAnyRole(roles);
                        } else {
                            throw new IllegalStateException("platform.security.role-paths entry is not "
                                    + "'role [METHOD] /path': " + rule);
                        }
                    }
                    for (String pattern : platform.security().publicPaths()) {
                        String[] parts = pattern.trim().split("\\s+", 2);
                        if (parts.length == 2) {
                            requests.requestMatchers(HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1])
                                    .permitAll();
                        } else {
                            requests.requestMatchers(parts[0]).permitAll();
                        }
                    }
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(tokenFailure(unauthenticated, problems));
                                return filter;
                            }
                        }))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        return http.build();
    }

    /**
     * A token that cannot be checked because the issuer's keys did not come (the JWK set endpoint down or slow) is
     * the platform's failure, not the caller's: 503 {@code identity-unavailable}, so clients retry, instead of the
     * 500 Spring Security's default rethrow ends in. Every other failure is 401 as before.
     */
    static AuthenticationFailureHandler tokenFailure(AuthenticationEntryPoint unauthenticated, ProblemWriter problems) {
        return (request, response, e) -> {
            if (e instanceof AuthenticationServiceException) {
                problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, Problems.IDENTITY_UNAVAILABLE,
                        "problem.identity-unavailable");
            } else {
                unauthenticated.commence(request, response, e);
            }
        };
    }

    /** Validates signature (keys from the JWK set), expiry and issuer. */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(PlatformProperties platform) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(platform.security().jwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(platform.security().issuer()));
        return decoder;
    }

    static JwtAuthenticationConverter rolesConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
