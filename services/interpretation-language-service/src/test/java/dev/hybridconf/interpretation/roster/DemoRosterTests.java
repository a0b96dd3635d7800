package dev.hybridconf.interpretation.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.hostile.RedisWrites;
import tools.jackson.databind.JsonNode;

/**
 * The demo roster loads at start-up when {@code platform.interpretation.demo-rosters} is on: the Seminar's 32
 * interpreters, the local stack's demo interpreter among them; loading again (a restart) writes nothing, and
 * several replicas loading an empty store at once create each entry once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "platform.interpretation.demo-rosters=true")
@PlatformInfrastructure
class DemoRosterTests {

    static final String SEMINAR = "uclg-seminar-campus-2021";

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Roster roster;

    @Autowired
    DemoRosters demo;

    @Autowired
    RedisStore store;

    @Test
    void theSeminarsRosterIsLoadedAndTheDemoInterpreterReadsTheirEntry() {
        List<InterpreterProfile> seminar = roster.forConference(SEMINAR);
        assertThat(seminar).hasSize(32);
        assertThat(seminar).allSatisfy(p -> {
            assertThat(p.mode()).isEqualTo(WorkMode.REMOTE);
            assertThat(p.zoomEmail()).isNotBlank();
            assertThat(p.interpreterId()).isEqualTo(DemoRosters.demoId(SEMINAR, p.email()));
        });
        assertThat(seminar.stream().filter(p -> p.skill("es").map(s -> s.level() == LanguageClass.A).orElse(false)))
                .hasSize(12);
        InterpreterProfile lucia = roster.byRegistration(SEMINAR, "demo-interpreter").orElseThrow();
        assertThat(lucia.name()).isEqualTo("Lucía Fernández");
        assertThat(lucia.preferredPartners()).hasSize(1);

        RosterApi api = new RosterApi(port);
        var me = api.get("/api/interpretation/me/interpreter?conference=" + SEMINAR,
                RosterApi.interpreterToken("demo-interpreter"));
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode entry = api.read(me);
        assertThat(entry.path("interpreterId").asString()).isEqualTo(lucia.interpreterId());
    }

    @Test
    void loadingAgainWritesNothing() {
        RedisWrites writes = new RedisWrites(store.redis(), store.keys().prefix(),
                List.of(store.keys().prefix() + "lease:*", store.keys().prefix() + "outbox"));
        Map<String, String> before = writes.snapshot();
        List<ImportReport> reports = demo.load();
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.unchanged()).isEqualTo(32);
            assertThat(report.created() + report.updated()).isZero();
        });
        assertThat(RedisWrites.changes(before, writes.snapshot())).isEmpty();
    }

    @Test
    void replicasLoadingAtOnceCreateEachEntryOnce() throws Exception {
        for (String key : store.redis().keys(store.keys().key("roster", SEMINAR) + ":*")) {
            store.redis().del(key);
        }
        assertThat(roster.forConference(SEMINAR)).isEmpty();
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<ImportReport>>> loads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                loads.add(replicas.submit(() -> {
                    start.await();
                    return demo.load();
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<List<ImportReport>> load : loads) {
                ImportReport report = load.get(60, TimeUnit.SECONDS).get(0);
                assertThat(report.updated()).isZero();
                created += report.created();
            }
            assertThat(created).isEqualTo(32);
        } finally {
            replicas.shutdownNow();
        }
        assertThat(roster.forConference(SEMINAR)).hasSize(32);
        assertThat(store.redis().keys(store.keys().key("roster", SEMINAR) + ":email:*")).hasSize(32);
        assertThat(roster.byRegistration(SEMINAR, "demo-interpreter")).isPresent();
    }
}
