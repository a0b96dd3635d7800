package dev.hybridconf.registration.identity;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.errors.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The local stack's demo helpers ({@code /internal/demo-sign-in} hands out an organiser token,
 * {@code /internal/demo-mailbox} shows everyone's access links) answer only callers on this machine,
 * i.e. connections from a loopback address. Anyone else gets the same 404 as when demo sign-in is
 * off, before anything else is looked at, so the helpers cannot be found from the network even when
 * a port is widened. Forwarding headers are not consulted: the client writes them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "platform.identity.demo-sign-in", havingValue = "true")
class DemoCallersFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    DemoCallersFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/internal/demo-");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isLoopback(request.getRemoteAddr())) {
            problems.write(request, response, new NotFoundException("problem.not-found"));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Only a literal loopback address counts; nothing is looked up by name. */
    static boolean isLoopback(String address) {
        if (address == null || address.isEmpty() || !address.matches("[0-9A-Fa-f:.%\\[\\]]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
