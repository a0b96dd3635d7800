package dev.hybridconf.registration.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.hybridconf.registration.TestConferences;
import dev.hybridconf.testinfra.PlatformInfrastructure;

/**
 * The demo helpers of the local stack (an organiser token for the asking, everyone's access links)
 * answer only callers on this machine: from any other address they do not exist, even when demo
 * sign-in is on and the port is reachable, and whatever the request carries.
 */
@SpringBootTest(properties = "platform.identity.demo-sign-in=true")
@AutoConfigureMockMvc
@PlatformInfrastructure
@Import(TestConferences.Published.class)
class DemoCallersTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aCallerOnThisMachineGetsTheDemoTokensAndTheMailbox() throws Exception {
        mvc.perform(get("/internal/demo-sign-in").with(from("127.0.0.1"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.tokens[5].role").value("organiser"));
        mvc.perform(get("/internal/demo-sign-in").with(from("0:0:0:0:0:0:0:1"))).andExpect(status().isOk());
        mvc.perform(get("/internal/demo-mailbox").param("to", "nobody@example.org").with(from("127.0.0.1")))
                .andExpect(status().isOk());
    }

    @Test
    void aCallerFromTheNetworkFindsNothingThereEvenWithForwardingHeadersOrABadAddress() throws Exception {
        for (String remote : new String[] { "203.0.113.7", "192.168.1.20", "::ffff:203.0.113.7", "fe80::1" }) {
            String body = mvc.perform(get("/internal/demo-sign-in").with(from(remote))
                    .header("X-Forwarded-For", "127.0.0.1").header("X-Real-IP", "127.0.0.1")
                    .header("Accept-Language", "fr"))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://hybridconf.dev/problems/not-found"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).as(remote).doesNotContain("token");
            mvc.perform(get("/internal/demo-mailbox").param("to", "not an address").with(from(remote)))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void onlyLiteralLoopbackAddressesCount() {
        assertThat(DemoCallersFilter.isLoopback("127.0.0.1")).isTrue();
        assertThat(DemoCallersFilter.isLoopback("127.8.9.10")).isTrue();
        assertThat(DemoCallersFilter.isLoopback("::1")).isTrue();
        assertThat(DemoCallersFilter.isLoopback("localhost")).as("a name is never looked up").isFalse();
        assertThat(DemoCallersFilter.isLoopback("10.0.0.1")).isFalse();
        assertThat(DemoCallersFilter.isLoopback("")).isFalse();
        assertThat(DemoCallersFilter.isLoopback(null)).isFalse();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
