package dev.hybridconf.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Holds {@code docker-compose.yml} and the {@code deploy/k8s} manifests to the modules they run, without a Docker
 * engine or a cluster: both are parsed and compared with each module's {@code pom.xml} and
 * {@code src/main/resources/application.yml}. A new module, a renamed or new {@code ${VARIABLE:default}}, or a moved
 * port then fails here, naming what disagrees, instead of at {@code docker compose up} or in a rollout.
 *
 * <p>Every Spring Boot module of the root {@code pom.xml} is checked. The services (under {@code services/}) also
 * need Kafka and Redis; the Zoom emulator needs neither, keeps its state in memory (so runs as one replica), and
 * lives in a kustomize component that an overlay adds, not in the production base.
 */
class ComposeFileTests {

    private static final String KAFKA = "kafka";
    private static final String REDIS = "redis";
    private static final String HEALTHY = "service_healthy";
    private static final String DOCKERFILE = "deploy/docker/Dockerfile";
    private static final String K8S = "deploy/k8s";
    private static final String ZOOM_EMULATOR = "zoom-emulator";
    private static final String STREAMING_LINK = "streaming-link-service";

    private static Path root;
    private static List<Module> modules;
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> k8s;

    /** A Spring Boot module: where it lives, what Maven builds, the environment variables its application.yml reads. */
    record Module(String name, String path, String artifactId, String version, Path applicationYml,
            Map<String, String> placeholders) {

        boolean isGateway() {
            return name.equals("gateway");
        }

        /** A service of the platform: under {@code services/}, on Kafka and Redis. */
        boolean isService() {
            return path.startsWith("services/");
        }

        /** Keeps its state in memory, so more than one replica would split it (the Zoom emulator). */
        boolean keepsStateInMemory() {
            return name.equals(ZOOM_EMULATOR);
        }

        String execJar() {
            return path + "/target/" + artifactId + "-" + version + "-exec.jar";
        }

        /** The variables application.yml reads; fails (naming the file) when there is no application.yml. */
        Set<String> reads() {
            assertThat(applicationYml).as("%s has no application.yml to read its settings from", name).exists();
            return placeholders.keySet();
        }

        String defaultPort() {
            reads();
            assertThat(placeholders.get("SERVER_PORT"))
                    .as("%s/src/main/resources/application.yml sets server.port: ${SERVER_PORT:<port>}", path)
                    .isNotBlank();
            return placeholders.get("SERVER_PORT");
        }

        /** Variables whose default reaches for this machine: inside a container that is the container itself. */
        Set<String> localDefaults() {
            return placeholders.entrySet().stream()
                    .filter(e -> e.getValue() != null
                            && (e.getValue().contains("localhost") || e.getValue().contains("127.0.0.1")))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @BeforeAll
    static void readRepository() throws Exception {
        root = repositoryRoot();
        modules = new ArrayList<>();
        for (String module : rootModules()) {
            Path dir = root.resolve(module);
            String pom = Files.readString(dir.resolve("pom.xml"));
            if (pom.contains("<artifactId>spring-boot-maven-plugin</artifactId>")) {
                modules.add(module(dir));
            }
        }
        assertThat(names(modules)).as("Spring Boot modules of the root pom.xml").contains("gateway", ZOOM_EMULATOR);
        assertThat(modules.stream().filter(Module::isService)).as("services under services/").hasSize(5);

        Path composeFile = root.resolve("docker-compose.yml");
        assertThat(composeFile).as("docker-compose.yml at the repository root").exists();
        compose = map(yaml(composeFile).get(0), "docker-compose.yml");

        k8s = new LinkedHashMap<>();
        readKustomization(root.resolve(K8S), "Kustomization");
        try (Stream<Path> components = Files.list(root.resolve(K8S).resolve("components"))) {
            for (Path component : components.filter(Files::isDirectory).sorted().toList()) {
                readKustomization(component, "Component");
            }
        }
    }

    /** Every object of the resources a kustomization (or component) lists, by kind and name. */
    private static void readKustomization(Path dir, String kind) throws IOException {
        Path kustomization = dir.resolve("kustomization.yaml");
        assertThat(kustomization).as("%s/kustomization.yaml", relative(dir)).exists();
        Map<String, Object> declared = map(yaml(kustomization).get(0), relative(kustomization));
        assertThat(declared.get("kind")).as("kind of %s", relative(kustomization)).isEqualTo(kind);
        for (Object resource : list(declared.get("resources"))) {
            Path file = dir.resolve(resource.toString()).normalize();
            assertThat(file).as("resource %s listed in %s", resource, relative(kustomization)).isRegularFile();
            for (Object document : yaml(file)) {
                Map<String, Object> object = map(document, file.toString());
                k8s.put(object.get("kind") + "/" + map(object.get("metadata"), "metadata").get("name"), object);
            }
        }
    }

    /** The {@code <module>} entries of the root pom.xml. */
    private static List<String> rootModules() throws Exception {
        Element project;
        try (InputStream in = Files.newInputStream(root.resolve("pom.xml"))) {
            project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        }
        List<String> names = new ArrayList<>();
        Element declared = element(project, "modules");
        assertThat(declared).as("<modules> of the root pom.xml").isNotNull();
        for (Node node = declared.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element module && module.getTagName().equals("module")) {
                names.add(module.getTextContent().trim());
            }
        }
        return names;
    }

    // ------------------------------------------------------------------------------------------------ compose

    @Test
    void everyModuleRunsAsAComposeServiceOfTheSameName() {
        Set<String> missing = new TreeSet<>(names(modules));
        missing.removeAll(services().keySet());
        assertThat(missing).as("modules without a docker-compose.yml service of the same name").isEmpty();

        Set<String> unknown = services().entrySet().stream()
                .filter(e -> map(e.getValue(), e.getKey()).containsKey("build"))
                .map(Map.Entry::getKey)
                .filter(name -> !names(modules).contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unknown).as("docker-compose.yml builds services that are no Spring Boot module of the root pom.xml")
                .isEmpty();
    }

    @Test
    void eachComposeServiceSetsOnlyVariablesItsApplicationYmlReads() {
        SoftAssertions softly = new SoftAssertions();
        for (Module module : modules) {
            Set<String> stray = new TreeSet<>(env(service(module.name())).keySet());
            stray.removeAll(module.reads());
            softly.assertThat(stray)
                    .as("docker-compose.yml service '%s' sets variables that %s never reads (it reads %s)",
                            module.name(), relative(module.applicationYml()), new TreeSet<>(module.reads()))
                    .isEmpty();
        }
        softly.assertAll();
    }

    @Test
    void eachComposeServiceOverridesEveryDefaultThatPointsAtLocalhost() {
        SoftAssertions softly = new SoftAssertions();
        for (Module module : modules) {
            module.reads();
            Set<String> required = new TreeSet<>(module.localDefaults());
            required.add("SERVER_PORT");
            required.removeAll(env(service(module.name())).keySet());
            softly.assertThat(required)
                    .as("docker-compose.yml service '%s' leaves these at their application.yml default, which points"
                            + " at the container itself", module.name())
                    .isEmpty();
        }
        softly.assertAll();
    }

    @Test
    void eachComposeServiceListensOnItsModulesDefaultPort() {
        SoftAssertions softly = new SoftAssertions();
        for (Module module : modules) {
            String port = module.defaultPort();
            Map<String, Object> service = service(module.name());
            softly.assertThat(env(service).get("SERVER_PORT"))
                    .as("SERVER_PORT of docker-compose.yml service '%s' (the default in %s is %s)", module.name(),
                            relative(module.applicationYml()), port)
                    .isEqualTo(port);
            softly.assertThat(buildArgs(module.name()).get("PORT"))
                    .as("build arg PORT (the image's exposed port) of docker-compose.yml service '%s'", module.name())
                    .isEqualTo(port);
        }
        softly.assertAll();
    }

    @Test
    void eachModuleIsBuiltFromTheSharedDockerfileWithItsExecutableJar() throws IOException {
        Path dockerfile = root.resolve(DOCKERFILE);
        assertThat(dockerfile).exists();
        String recipe = Files.readString(dockerfile);
        assertThat(recipe).as(DOCKERFILE).contains("ARG JAR_FILE", "ARG PORT", "eclipse-temurin:17-jre", "USER ");

        SoftAssertions softly = new SoftAssertions();
        for (Module module : modules) {
            Map<String, Object> build = map(service(module.name()).get("build"), module.name() + ".build");
            Path context = root.resolve(String.valueOf(build.get("context"))).normalize();
            softly.assertThat(context).as("build context of docker-compose.yml service '%s'", module.name())
                    .isEqualTo(root);
            softly.assertThat(context.resolve(String.valueOf(build.get("dockerfile"))).normalize())
                    .as("Dockerfile of docker-compose.yml service '%s'", module.name())
                    .isEqualTo(dockerfile);
            softly.assertThat(buildArgs(module.name()).get("JAR_FILE"))
                    .as("build arg JAR_FILE of docker-compose.yml service '%s' (what Maven builds for %s)",
                            module.name(), module.path() + "/pom.xml")
                    .isEqualTo(module.execJar());
        }
        softly.assertAll();
    }

    @Test
    void servicesStartOnceKafkaAndRedisAreHealthy() {
        SoftAssertions softly = new SoftAssertions();
        for (Module module : services(modules)) {
            Map<String, String> dependsOn = dependsOn(service(module.name()));
            for (String infrastructure : List.of(KAFKA, REDIS)) {
                softly.assertThat(dependsOn.get(infrastructure))
                        .as("docker-compose.yml service '%s' depends_on '%s' with a condition (the list form has none)",
                                module.name(),
                                infrastructure)
                        .isEqualTo(HEALTHY);
            }
        }
        softly.assertAll();
    }

    @Test
    void servicesReachKafkaAndRedisWhereTheyListen() {
        Map<String, String> kafka = env(service(KAFKA));
        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).as("KAFKA_PROCESS_ROLES of the kafka service (one KRaft node)")
                .contains("broker", "controller");
        String advertised = kafka.get("KAFKA_ADVERTISED_LISTENERS");
        assertThat(String.valueOf(service(KAFKA).get("image"))).as("image of the kafka service")
                .startsWith("apache/kafka");
        Object redisCommand = service(REDIS).get("command");

        SoftAssertions softly = new SoftAssertions();
        for (Module module : services(modules)) {
            Map<String, String> env = env(service(module.name()));
            String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
            softly.assertThat(bootstrap).as("KAFKA_BOOTSTRAP_SERVERS of docker-compose.yml service '%s'", module.name())
                    .isNotBlank();
            for (String server : bootstrap.split(",")) {
                softly.assertThat(server.trim())
                        .as("KAFKA_BOOTSTRAP_SERVERS of '%s' must name the kafka service", module.name())
                        .startsWith(KAFKA + ":");
                softly.assertThat(advertised)
                        .as("KAFKA_ADVERTISED_LISTENERS of the kafka service must offer %s, which '%s' connects to",
                                server.trim(), module.name())
                        .contains("://" + server.trim());
            }
            softly.assertThat(env.get("KAFKA_TOPIC_PARTITIONS"))
                    .as("KAFKA_TOPIC_PARTITIONS of '%s' must equal the broker's KAFKA_NUM_PARTITIONS", module.name())
                    .isEqualTo(kafka.get("KAFKA_NUM_PARTITIONS"));
            softly.assertThat(env.get("REDIS_HOST")).as("REDIS_HOST of docker-compose.yml service '%s'", module.name())
                    .isEqualTo(REDIS);
            softly.assertThat(env.get("REDIS_PORT")).as("REDIS_PORT of docker-compose.yml service '%s'", module.name())
                    .isEqualTo(redisPort(redisCommand));
        }
        softly.assertAll();
    }

    @Test
    void redisKeepsAnAppendOnlyFileFsyncedOnEveryWriteOnANamedVolume() {
        Map<String, Object> redis = service(REDIS);
        assertThat(commandLine(redis.get("command"))).as("command of the redis service: every write fsynced (ADR 0018)")
                .contains("--appendonly yes").contains("--appendfsync always");
        Set<String> declared = compose.get("volumes") == null ? Set.of()
                : map(compose.get("volumes"), "volumes").keySet();
        assertThat(list(redis.get("volumes")))
                .as("volumes of the redis service: a declared named volume on /data (declared: %s)", declared)
                .anySatisfy(volume -> {
                    String[] parts = volume.toString().split(":");
                    assertThat(parts).hasSizeGreaterThanOrEqualTo(2);
                    assertThat(parts[1]).isEqualTo("/data");
                    assertThat(declared).contains(parts[0]);
                });
    }

    @Test
    void everyTokenValidatorStartsAfterTheIssuerAndTrustsOneIssuer() {
        Set<String> issuers = new TreeSet<>();
        SoftAssertions softly = new SoftAssertions();
        for (Module module : modules) {
            Map<String, String> env = env(service(module.name()));
            if (!env.containsKey("JWT_JWK_SET_URI")) {
                continue;
            }
            issuers.add(String.valueOf(env.get("JWT_ISSUER")));
            URI jwks = URI.create(env.get("JWT_JWK_SET_URI"));
            String issuer = jwks.getHost();
            softly.assertThat(services().keySet()).as("JWT_JWK_SET_URI of '%s' names a compose service", module.name())
                    .contains(issuer);
            if (!services().containsKey(issuer)) {
                continue;
            }
            softly.assertThat(String.valueOf(jwks.getPort()))
                    .as("port of JWT_JWK_SET_URI of '%s' is the SERVER_PORT of '%s'", module.name(), issuer)
                    .isEqualTo(env(service(issuer)).get("SERVER_PORT"));
            softly.assertThat(jwks.getPath()).as("path of JWT_JWK_SET_URI of '%s'", module.name())
                    .isEqualTo("/oauth2/jwks");
            if (!issuer.equals(module.name())) {
                softly.assertThat(dependsOn(service(module.name())).get(issuer))
                        .as("docker-compose.yml service '%s' validates tokens, so it depends_on '%s' with condition",
                                module.name(), issuer)
                        .isEqualTo(HEALTHY);
            }
        }
        softly.assertThat(issuers).as("JWT_ISSUER values in docker-compose.yml (all validators expect one issuer)")
                .hasSize(1);
        softly.assertAll();
    }

    @Test
    void gatewayRoutesReachEveryServiceOnItsPort() {
        Map<String, Object> gateway = service("gateway");
        Map<String, String> routes = new LinkedHashMap<>(env(gateway));
        routes.keySet().removeIf(name -> !name.endsWith("_SERVICE_URI"));
        Map<String, String> dependsOn = dependsOn(gateway);

        SoftAssertions softly = new SoftAssertions();
        Set<String> reached = new TreeSet<>();
        routes.forEach((name, value) -> {
            URI uri = URI.create(value);
            String target = uri.getHost();
            reached.add(target);
            String prefix = name.substring(0, name.length() - "_SERVICE_URI".length()).toLowerCase().replace('_', '-');
            softly.assertThat(target).as("%s=%s names the compose service of that prefix", name, value)
                    .startsWith(prefix + "-");
            softly.assertThat(services().keySet()).as("%s=%s names a docker-compose.yml service", name, value)
                    .contains(target);
            if (services().containsKey(target)) {
                softly.assertThat(String.valueOf(uri.getPort()))
                        .as("%s=%s uses the SERVER_PORT of '%s'", name, value, target)
                        .isEqualTo(env(service(target)).get("SERVER_PORT"));
            }
            softly.assertThat(dependsOn.get(target)).as("the gateway depends_on '%s' with condition", target)
                    .isEqualTo(HEALTHY);
        });
        softly.assertThat(reached).as("services the gateway's *_SERVICE_URI variables reach")
                .containsExactlyInAnyOrderElementsOf(names(services(modules)));
        softly.assertAll();
    }

    @Test
    void everyContainerHasAHealthcheckThatProbesWhatItRuns() {
        SoftAssertions softly = new SoftAssertions();
        for (String name : services().keySet()) {
            Object healthcheck = service(name).get("healthcheck");
            softly.assertThat(healthcheck).as("healthcheck of docker-compose.yml service '%s'", name).isNotNull();
            if (healthcheck == null) {
                continue;
            }
            Map<String, Object> check = map(healthcheck, name + ".healthcheck");
            String test = commandLine(check.get("test"));
            softly.assertThat(test).as("healthcheck test of '%s'", name).isNotBlank().doesNotStartWith("NONE");
            softly.assertThat(check.get("disable")).as("healthcheck.disable of '%s'", name).isNotEqualTo(Boolean.TRUE);
            if (names(modules).contains(name)) {
                softly.assertThat(test).as("healthcheck of '%s' asks its own /actuator/health", name)
                        .containsPattern("(localhost|127\\.0\\.0\\.1):" + env(service(name)).get("SERVER_PORT")
                                + "/actuator/health");
            }
        }
        softly.assertThat(commandLine(map(service(KAFKA).get("healthcheck"), "kafka.healthcheck").get("test")))
                .as("the kafka healthcheck asks the broker itself").contains("kafka-broker-api-versions");
        softly.assertThat(commandLine(map(service(REDIS).get("healthcheck"), "redis.healthcheck").get("test")))
                .as("the redis healthcheck").contains("redis-cli", "ping");
        softly.assertAll();
    }

    @Test
    void theZoomEmulatorSendsWebhooksToTheStreamingLinkServiceAndNeedsNoInfrastructure() {
        Map<String, Object> emulator = service(ZOOM_EMULATOR);
        String target = env(emulator).get("ZOOM_WEBHOOK_URL");
        assertThat(target).as("ZOOM_WEBHOOK_URL of docker-compose.yml service '%s'", ZOOM_EMULATOR).isNotBlank();
        URI webhook = URI.create(target);
        assertThat(webhook.getHost()).as("host of ZOOM_WEBHOOK_URL").isEqualTo(STREAMING_LINK);
        assertThat(String.valueOf(webhook.getPort())).as("port of ZOOM_WEBHOOK_URL: the SERVER_PORT of '%s'",
                STREAMING_LINK).isEqualTo(env(service(STREAMING_LINK)).get("SERVER_PORT"));
        assertThat(webhook.getPath()).as("path of ZOOM_WEBHOOK_URL").isEqualTo("/webhooks/zoom");
        assertThat(dependsOn(emulator).keySet()).as("depends_on of '%s' (it keeps everything in memory)",
                ZOOM_EMULATOR).doesNotContain(KAFKA, REDIS);
    }

    @Test
    void onlyTheGatewayIsPublishedOnTheHostAndOnlyOnItsLoopbackAddress() {
        SoftAssertions softly = new SoftAssertions();
        for (Module module : modules) {
            List<Object> ports = list(service(module.name()).get("ports"));
            if (module.isGateway()) {
                Set<String> targets = ports.stream().map(ComposeFileTests::containerPort).collect(Collectors.toSet());
                softly.assertThat(targets).as("container ports the gateway publishes")
                        .contains(env(service(module.name())).get("SERVER_PORT"));
                softly.assertThat(ports).as("the gateway is published on the host's loopback address only")
                        .allMatch(mapping -> mapping.toString().startsWith("127.0.0.1:"));
            } else {
                softly.assertThat(ports)
                        .as("ports that docker-compose.yml service '%s' publishes (only the gateway is public)",
                                module.name())
                        .isEmpty();
            }
        }
        softly.assertAll();
    }

    // ------------------------------------------------------------------------------------------------ k8s

    /** The production-shaped manifests use the same variable names, ports and images as docker-compose.yml. */
    @Nested
    class KubernetesManifests {

        @Test
        void everyModuleRunsAsADeploymentBehindAServiceOnItsPortWithTwoReplicasOrOneForInMemoryState() {
            SoftAssertions softly = new SoftAssertions();
            for (Module module : modules) {
                Map<String, Object> deployment = k8s.get("Deployment/" + module.name());
                Map<String, Object> service = k8s.get("Service/" + module.name());
                softly.assertThat(deployment).as("Deployment '%s' in %s", module.name(), K8S).isNotNull();
                softly.assertThat(service).as("Service '%s' in %s", module.name(), K8S).isNotNull();
                if (deployment == null || service == null) {
                    continue;
                }
                int replicas = ((Number) spec(deployment).get("replicas")).intValue();
                if (module.keepsStateInMemory()) {
                    softly.assertThat(replicas)
                            .as("replicas of Deployment '%s' (its state is in memory)", module.name()).isEqualTo(1);
                } else {
                    softly.assertThat(replicas).as("replicas of Deployment '%s'", module.name())
                            .isGreaterThanOrEqualTo(2);
                }
                softly.assertThat(String.valueOf(container(deployment).get("image")))
                        .as("image of Deployment '%s' (the one docker-compose.yml builds)", module.name())
                        .isEqualTo(String.valueOf(service(module.name()).get("image")));
                softly.assertThat(containerPorts(deployment)).as("container ports of Deployment '%s'", module.name())
                        .containsValue(module.defaultPort());
                softly.assertThat(servicePorts(service)).as("ports of Service '%s'", module.name())
                        .contains(module.defaultPort());
            }
            softly.assertAll();
        }

        @Test
        void eachDeploymentIsToldOnlyTheVariablesItsModuleReadsUnderTheSameNames() {
            SoftAssertions softly = new SoftAssertions();
            for (Module module : deployed()) {
                Map<String, String> env = k8sEnv(module.name());
                Set<String> stray = new TreeSet<>(env.keySet());
                stray.removeAll(module.reads());
                softly.assertThat(stray).as("Deployment '%s' sets variables that %s never reads (it reads %s)",
                        module.name(), relative(module.applicationYml()), new TreeSet<>(module.reads())).isEmpty();
                Set<String> missing = new TreeSet<>(module.localDefaults());
                missing.add("SERVER_PORT");
                missing.removeAll(env.keySet());
                softly.assertThat(missing).as("Deployment '%s' leaves these at their localhost default", module.name())
                        .isEmpty();
                softly.assertThat(env.get("SERVER_PORT")).as("SERVER_PORT of Deployment '%s'", module.name())
                        .isEqualTo(module.defaultPort());
            }
            softly.assertAll();
        }

        @Test
        void eachDeploymentIsProbedOnReadinessAndLivenessAndHasRequestsAndLimits() {
            SoftAssertions softly = new SoftAssertions();
            for (Module module : deployed()) {
                Map<String, Object> deployment = k8s.get("Deployment/" + module.name());
                Map<String, Object> container = container(deployment);
                Map<String, String> ports = containerPorts(deployment);
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    Object declared = container.get(probe);
                    softly.assertThat(declared).as("%s of Deployment '%s'", probe, module.name()).isNotNull();
                    if (declared == null) {
                        continue;
                    }
                    Map<String, Object> get = map(map(declared, probe).get("httpGet"), probe + ".httpGet");
                    softly.assertThat(get.get("path")).as("%s path of Deployment '%s'", probe, module.name())
                            .isEqualTo("/actuator/health/" + probe.replace("Probe", ""));
                    String port = String.valueOf(get.get("port"));
                    softly.assertThat(ports.getOrDefault(port, port))
                            .as("%s port of Deployment '%s'", probe, module.name()).isEqualTo(module.defaultPort());
                }
                Map<String, Object> resources = map(container.get("resources"), "resources");
                for (String kind : List.of("requests", "limits")) {
                    softly.assertThat(map(resources.get(kind), kind).keySet())
                            .as("resources.%s of Deployment '%s'", kind, module.name())
                            .contains("cpu", "memory");
                }
            }
            softly.assertAll();
        }

        @Test
        void servicesReplicateTheirTopicsThreeTimes() {
            SoftAssertions softly = new SoftAssertions();
            for (Module module : services(deployed())) {
                softly.assertThat(k8sEnv(module.name()).get("KAFKA_TOPIC_REPLICATION_FACTOR"))
                        .as("KAFKA_TOPIC_REPLICATION_FACTOR of Deployment '%s' (a 3-broker cluster)", module.name())
                        .isEqualTo("3");
            }
            softly.assertAll();
        }

        @Test
        void gatewayRoutesReachClusterServicesOnTheirPortsAndOnlyTheGatewayIsExposed() {
            assertThat(k8s.keySet()).as("Deployment 'gateway' in %s", K8S).contains("Deployment/gateway");
            Map<String, String> env = k8sEnv("gateway");
            SoftAssertions softly = new SoftAssertions();
            Set<String> reached = new TreeSet<>();
            env.forEach((name, value) -> {
                if (!name.endsWith("_SERVICE_URI")) {
                    return;
                }
                URI uri = URI.create(value);
                String target = uri.getHost().split("\\.")[0];
                reached.add(target);
                softly.assertThat(k8s.keySet()).as("%s=%s names a Service in %s", name, value, K8S)
                        .contains("Service/" + target);
                if (k8s.containsKey("Service/" + target)) {
                    softly.assertThat(servicePorts(k8s.get("Service/" + target)))
                            .as("%s=%s uses a port of Service '%s'", name, value, target)
                            .contains(String.valueOf(uri.getPort()));
                }
            });
            softly.assertThat(reached).as("Services the gateway's *_SERVICE_URI variables reach")
                    .containsExactlyInAnyOrderElementsOf(names(services(modules)));

            List<Map<String, Object>> ingresses = k8s.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("Ingress/")).map(Map.Entry::getValue).toList();
            softly.assertThat(ingresses).as("Ingresses in %s", K8S).isNotEmpty();
            Set<String> backends = new TreeSet<>();
            for (Map<String, Object> ingress : ingresses) {
                for (Object rule : list(spec(ingress).get("rules"))) {
                    Map<String, Object> http = map(map(rule, "rule").get("http"), "http");
                    for (Object path : list(http.get("paths"))) {
                        Map<String, Object> backend = map(map(path, "path").get("backend"), "backend");
                        backends.add(String.valueOf(map(backend.get("service"), "service").get("name")));
                    }
                }
            }
            softly.assertThat(backends).as("Services the Ingress sends traffic to").containsExactly("gateway");
            softly.assertAll();
        }

        @Test
        void theZoomEmulatorIsAComponentAnOverlayAddsAndSendsWebhooksToTheStreamingLinkService() throws IOException {
            Path base = root.resolve(K8S).resolve("kustomization.yaml");
            assertThat(list(map(yaml(base).get(0), "kustomization.yaml").get("resources")))
                    .as("resources of the production base %s (a stand-in for Zoom does not belong there)",
                            relative(base))
                    .noneMatch(resource -> resource.toString().contains(ZOOM_EMULATOR));
            assertThat(k8s.keySet()).as("objects of %s/components/%s", K8S, ZOOM_EMULATOR)
                    .contains("Deployment/" + ZOOM_EMULATOR, "Service/" + ZOOM_EMULATOR);

            URI webhook = URI.create(k8sEnv(ZOOM_EMULATOR).get("ZOOM_WEBHOOK_URL"));
            assertThat(webhook.getHost().split("\\.")[0]).as("host of ZOOM_WEBHOOK_URL").isEqualTo(STREAMING_LINK);
            assertThat(servicePorts(k8s.get("Service/" + STREAMING_LINK))).as("ports of Service '%s'", STREAMING_LINK)
                    .contains(String.valueOf(webhook.getPort()));
            assertThat(webhook.getPath()).isEqualTo("/webhooks/zoom");
        }

        private List<Module> deployed() {
            return modules.stream().filter(m -> k8s.containsKey("Deployment/" + m.name())).toList();
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("pom.xml")) && Files.isDirectory(candidate.resolve("services"))) {
                return candidate;
            }
        }
        return fail("no directory with pom.xml and services/ above " + dir);
    }

    private static Module module(Path dir) throws Exception {
        Element project;
        try (InputStream in = Files.newInputStream(dir.resolve("pom.xml"))) {
            project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        }
        String artifactId = text(project, "artifactId");
        String version = text(project, "version");
        if (version == null) {
            Element parent = element(project, "parent");
            assertThat(parent).as("%s/pom.xml declares a version or a parent", relative(dir)).isNotNull();
            version = text(parent, "version");
        }
        Path applicationYml = dir.resolve("src/main/resources/application.yml");
        Map<String, String> placeholders = new LinkedHashMap<>();
        if (Files.isRegularFile(applicationYml)) {
            for (Object document : yaml(applicationYml)) {
                collectPlaceholders(document, placeholders);
            }
        }
        return new Module(dir.getFileName().toString(), relative(dir), artifactId, version, applicationYml,
                placeholders);
    }

    /** The text of a direct child element (so the parent's artifactId is not taken for the module's). */
    private static String text(Element parent, String name) {
        Element element = element(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }

    private static Element element(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    /** Every {@code ${NAME:default}} (or {@code ${NAME}}) in the document's values, nested ones included. */
    private static void collectPlaceholders(Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectPlaceholders(value, into));
        } else if (node instanceof Collection<?> items) {
            items.forEach(item -> collectPlaceholders(item, into));
        } else if (node instanceof String text) {
            for (int start = text.indexOf("${"); start >= 0; start = text.indexOf("${", start + 2)) {
                int end = start + 2;
                while (end < text.length()
                        && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                String name = text.substring(start + 2, end);
                if (name.isEmpty() || !name.equals(name.toUpperCase()) || end >= text.length()) {
                    continue;
                }
                String fallback = null;
                if (text.charAt(end) == ':') {
                    int depth = 1;
                    int close = end + 1;
                    for (; close < text.length() && depth > 0; close++) {
                        if (text.startsWith("${", close)) {
                            depth++;
                        } else if (text.charAt(close) == '}') {
                            depth--;
                        }
                    }
                    fallback = text.substring(end + 1, Math.max(end + 1, close - 1));
                }
                into.putIfAbsent(name, fallback);
            }
        }
    }

    private static List<Object> yaml(Path file) throws IOException {
        List<Object> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader).forEach(document -> {
                if (document != null) {
                    documents.add(document);
                }
            });
        }
        return documents;
    }

    private static Map<String, Object> services() {
        return map(compose.get("services"), "services");
    }

    private static Map<String, Object> service(String name) {
        assertThat(services().keySet()).as("services in docker-compose.yml").contains(name);
        return map(services().get(name), name);
    }

    /** A compose service's environment, written as a map or as a list of NAME=value. */
    private static Map<String, String> env(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((name, value) -> env.put(String.valueOf(name), value == null ? null : String.valueOf(value)));
        } else {
            for (Object entry : list(declared)) {
                String[] parts = entry.toString().split("=", 2);
                env.put(parts[0], parts.length > 1 ? parts[1] : null);
            }
        }
        return env;
    }

    private static Map<String, String> buildArgs(String name) {
        Object build = service(name).get("build");
        assertThat(build).as("build section of docker-compose.yml service '%s'", name).isInstanceOf(Map.class);
        Map<String, String> args = new LinkedHashMap<>();
        Object declared = map(build, name + ".build").get("args");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((key, value) -> args.put(String.valueOf(key), String.valueOf(value)));
        } else {
            for (Object entry : list(declared)) {
                String[] parts = entry.toString().split("=", 2);
                args.put(parts[0], parts.length > 1 ? parts[1] : null);
            }
        }
        return args;
    }

    /** depends_on as service name to condition; the short (list) form has no condition. */
    private static Map<String, String> dependsOn(Map<String, Object> service) {
        Map<String, String> conditions = new LinkedHashMap<>();
        Object declared = service.get("depends_on");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((name, value) -> conditions.put(String.valueOf(name),
                    value instanceof Map<?, ?> options ? String.valueOf(options.get("condition")) : null));
        } else {
            list(declared).forEach(name -> conditions.put(String.valueOf(name), null));
        }
        return conditions;
    }

    private static String commandLine(Object command) {
        return command instanceof Collection<?> parts
                ? parts.stream().map(String::valueOf).collect(Collectors.joining(" "))
                : command == null ? "" : command.toString();
    }

    private static String redisPort(Object command) {
        List<String> words = List.of(commandLine(command).split("\\s+"));
        int at = words.indexOf("--port");
        return at >= 0 && at + 1 < words.size() ? words.get(at + 1) : "6379";
    }

    /** The container side of a compose port mapping, short ("8080:8080", "127.0.0.1:8080:8080/tcp") or long form. */
    private static String containerPort(Object mapping) {
        if (mapping instanceof Map<?, ?> map) {
            return String.valueOf(map.get("target"));
        }
        String text = mapping.toString();
        text = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
        return text.substring(text.lastIndexOf(':') + 1);
    }

    private static List<String> servicePorts(Map<String, Object> service) {
        return list(spec(service).get("ports")).stream().map(p -> String.valueOf(map(p, "port").get("port"))).toList();
    }

    private static Map<String, Object> spec(Map<String, Object> object) {
        return map(object.get("spec"), "spec");
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        Map<String, Object> template = map(spec(deployment).get("template"), "template");
        List<Object> containers = list(map(template.get("spec"), "template.spec").get("containers"));
        assertThat(containers).as("containers of a Deployment").hasSize(1);
        return map(containers.get(0), "container");
    }

    /** Container port names (and numbers) to numbers. */
    private static Map<String, String> containerPorts(Map<String, Object> deployment) {
        Map<String, String> ports = new LinkedHashMap<>();
        for (Object port : list(container(deployment).get("ports"))) {
            Map<String, Object> declared = map(port, "port");
            String number = String.valueOf(declared.get("containerPort"));
            ports.put(number, number);
            if (declared.get("name") != null) {
                ports.put(String.valueOf(declared.get("name")), number);
            }
        }
        return ports;
    }

    /**
     * What a Deployment's container is told: its ConfigMaps (envFrom) and its env entries. An optional Secret
     * (credentials an operator creates, e.g. Zoom's) may come beside them; its keys are not in the manifests.
     */
    private static Map<String, String> k8sEnv(String deploymentName) {
        Map<String, Object> container = container(k8s.get("Deployment/" + deploymentName));
        Map<String, String> env = new LinkedHashMap<>();
        for (Object source : list(container.get("envFrom"))) {
            Object secret = map(source, "envFrom").get("secretRef");
            if (secret != null) {
                assertThat(map(secret, "secretRef").get("optional"))
                        .as("a Secret read by Deployment '%s' is optional, so the base applies without it", deploymentName)
                        .isEqualTo(Boolean.TRUE);
                continue;
            }
            Object reference = map(source, "envFrom").get("configMapRef");
            assertThat(reference).as("envFrom of Deployment '%s' only from ConfigMaps or an optional Secret",
                    deploymentName).isNotNull();
            String name = String.valueOf(map(reference, "configMapRef").get("name"));
            assertThat(k8s.keySet()).as("ConfigMap '%s' that Deployment '%s' reads", name, deploymentName)
                    .contains("ConfigMap/" + name);
            Object data = k8s.get("ConfigMap/" + name).get("data");
            if (data != null) {
                map(data, name + ".data").forEach((key, value) -> env.put(key, String.valueOf(value)));
            }
        }
        for (Object entry : list(container.get("env"))) {
            Map<String, Object> variable = map(entry, "env");
            env.put(String.valueOf(variable.get("name")),
                    variable.get("value") == null ? null : String.valueOf(variable.get("value")));
        }
        return env;
    }

    private static List<Module> services(List<Module> all) {
        return all.stream().filter(Module::isService).toList();
    }

    private static Set<String> names(List<Module> all) {
        return all.stream().map(Module::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String relative(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        assertThat(node).as("%s is a YAML mapping", what).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node == null ? List.of() : (List<Object>) node;
    }
}
