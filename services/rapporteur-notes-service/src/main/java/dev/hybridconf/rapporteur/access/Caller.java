package dev.hybridconf.rapporteur.access;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/** Who calls: the token's subject (a registration id) and roles. */
public record Caller(String subject, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller of(Jwt jwt) {
        Collection<String> roles = jwt.getClaimAsStringList("roles");
        return new Caller(jwt.getSubject(), roles == null ? Set.of() : Set.copyOf(roles));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean organiser() {
        return has("organiser");
    }

    public boolean rapporteur() {
        return has("rapporteur");
    }
}
