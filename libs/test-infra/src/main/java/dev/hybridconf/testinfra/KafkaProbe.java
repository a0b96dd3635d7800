package dev.hybridconf.testinfra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: send raw records, read a topic from the start, measure a group's lag. */
public final class KafkaProbe {

    /** How long {@link #sendAll} keeps sending what Kafka has not acknowledged. */
    public static final Duration SEND_DEADLINE = Duration.ofSeconds(90);

    private static final Map<String, KafkaProducer<String, String>> PRODUCERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> PRODUCERS.values().forEach(p -> p.close(Duration.ofSeconds(1))), "kafka-probe-shutdown"));
    }

    private final String bootstrap;

    public KafkaProbe(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public static KafkaProbe shared() {
        return new KafkaProbe(SharedInfrastructure.get().kafkaBootstrapServers());
    }

    public void send(String topic, String key, String value) {
        sendAll(List.of(new ProducerRecord<>(topic, key, value)));
    }

    /**
     * Sends every record and returns once Kafka has acknowledged them all, as the services' outbox relays do: what
     * Kafka did not acknowledge is sent again, on a new producer, until {@link #SEND_DEADLINE} has passed. Consumers
     * are idempotent, so a record sent twice is harmless. Records go through one producer per JVM, so that hundreds
     * of sends do not each cost a producer (and a producer id from the broker).
     */
    public void sendAll(List<ProducerRecord<String, String>> records) {
        List<ProducerRecord<String, String>> pending = records;
        long end = System.nanoTime() + SEND_DEADLINE.toNanos();
        while (true) {
            KafkaProducer<String, String> producer = producer();
            List<Future<RecordMetadata>> sent = new ArrayList<>(pending.size());
            for (ProducerRecord<String, String> record : pending) {
                sent.add(producer.send(record));
            }
            producer.flush();
            List<ProducerRecord<String, String>> failed = new ArrayList<>();
            Throwable cause = null;
            for (int i = 0; i < sent.size(); i++) {
                try {
                    sent.get(i).get();
                } catch (ExecutionException e) {
                    failed.add(pending.get(i));
                    cause = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while sending to Kafka", e);
                }
            }
            if (failed.isEmpty()) {
                return;
            }
            discard(producer);
            if (System.nanoTime() > end) {
                throw new IllegalStateException("Kafka did not acknowledge " + failed.size() + " record(s) for "
                        + failed.get(0).topic() + ": " + cause, cause);
            }
            System.err.printf("KafkaProbe: %d record(s) for %s not acknowledged (%s); sending them again%n",
                    failed.size(), failed.get(0).topic(), cause);
            pending = failed;
        }
    }

    private KafkaProducer<String, String> producer() {
        return PRODUCERS.computeIfAbsent(bootstrap, servers -> {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        });
    }

    private void discard(KafkaProducer<String, String> producer) {
        if (PRODUCERS.remove(bootstrap, producer)) {
            producer.close(Duration.ofSeconds(1));
        }
    }

    /**
     * Reads {@code topic} from the beginning until {@code enough} holds for what was read, or the
     * deadline passes; returns everything read.
     */
    public List<ConsumerRecord<String, String>> readUntil(String topic, Duration deadline,
            Predicate<List<ConsumerRecord<String, String>>> enough) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long end = System.nanoTime() + deadline.toNanos();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < end && !enough.test(records)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * Everything on {@code topic} now: read from the beginning up to the end offsets taken when called, so that
     * "these are all the events" can be checked without waiting for more.
     */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end in time");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The first event of {@code type} about aggregate {@code key} on {@code topic}, waiting up to {@code deadline}. */
    public String eventOfType(String topic, String key, String type, Duration deadline) {
        String marker = "\"type\":\"" + type + "\"";
        Predicate<ConsumerRecord<String, String>> wanted = r -> key.equals(r.key()) && r.value().contains(marker);
        return readUntil(topic, deadline, records -> records.stream().anyMatch(wanted)).stream().filter(wanted)
                .map(ConsumerRecord::value).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " for " + key + " on " + topic));
    }

    /** Messages the group has not yet committed past, summed over the topic's partitions. */
    public long lag(String group, String topic) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            long lag = 0;
            for (var entry : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(entry.getKey());
                lag += entry.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("could not measure the lag of " + group + " on " + topic, e);
        }
    }
}
