package dev.hybridconf.kit.deadletter;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;

import dev.hybridconf.contracts.Topics;
import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The dead letters of the topics this service consumes: listed page by page (never a whole topic in memory), read
 * one by one, and replayed to their original topic at most once each.
 *
 * <p><b>Replay.</b> A replay is one {@link dev.hybridconf.kit.redis.AtomicWrite}: it checks that the dead letter
 * was not replayed yet (a sorted set of replayed offsets per dead-letter partition), records it as replayed, and
 * appends the record to the service's outbox as it is ({@code emitRaw}: same key, same value, its headers minus
 * the dead-letter ones, plus {@value #REPLAY_OF}); the outbox relay publishes it, so nothing here writes to Kafka.
 * Two operators replaying the same record at once send it once. The consumer then applies it once more only if it
 * was never applied: it is the same event id, and consumers apply an event id once.
 *
 * <p><b>Depth.</b> Per partition, the records still in the dead-letter topic (end offset minus first offset)
 * minus those of them replayed ({@code ZCOUNT} of the replayed offsets from the first offset): offsets and one
 * Redis count, never a scan.
 */
public class DeadLetters {

    /** Header on a replayed record: {@code <dead-letter topic>:<partition>:<offset>} it was replayed from. */
    public static final String REPLAY_OF = "hybridconf-replay-of";
    /** Header a consumer may put on a dead letter to say in its own words why (read before Spring's headers). */
    public static final String REASON = "hybridconf-dlt-reason";
    /** Characters of a value shown in a list. */
    static final int PREVIEW = 300;

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> adminConfig;
    /** Offsets and partitions come from one shared admin client (thread-safe); records from a consumer per read. */
    private Admin admin;
    private final PlatformProperties platform;
    private final TopicNames topics;
    private final RedisStore store;
    private final DeadLetterProperties settings;
    private final ObjectMapper json;
    private final Clock clock;
    /** Reads hold a Kafka consumer each: a few at a time, so a burst of requests cannot exhaust the service. */
    private final Semaphore readers = new Semaphore(2);

    public DeadLetters(Map<String, Object> kafkaConsumerProperties, Map<String, Object> kafkaAdminProperties,
            PlatformProperties platform, TopicNames topics, RedisStore store, DeadLetterProperties settings,
            ObjectMapper json, Clock clock) {
        Map<String, Object> config = new HashMap<>(kafkaConsumerProperties);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, DeadLetterProperties.MAX_PAGE);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, platform.serviceName() + "-" + platform.instanceId() + "-dead-letters");
        this.consumerConfig = Map.copyOf(config);
        Map<String, Object> admin = new HashMap<>(kafkaAdminProperties);
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, platform.serviceName() + "-" + platform.instanceId()
                + "-dead-letters-admin");
        this.adminConfig = Map.copyOf(admin);
        this.platform = platform;
        this.topics = topics;
        this.store = store;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** The topics whose dead letters this service keeps: the logical names it consumes. */
    public List<String> consumedTopics() {
        return platform.kafka().consumes();
    }

    /** A dead-letter partition's offsets and how many of its records were replayed. */
    public record PartitionState(int partition, long firstOffset, long endOffset, long replayed) {

        /** Records still in the partition that were not replayed. */
        public long pending() {
            return Math.max(0, endOffset - firstOffset - replayed);
        }
    }

    /** A consumed topic's dead letters at a glance. */
    public record TopicState(String topic, String deadLetterTopic, long depth, List<PartitionState> partitions) {
    }

    /** One page of a topic's dead letters; {@code next} is the cursor of the following page (null: none). */
    public record Page(String topic, String deadLetterTopic, String order, List<DeadLetter> deadLetters, String next) {
    }

    /** What a replay did. */
    public record ReplayResult(String topic, int replayed, int alreadyReplayed, List<DeadLetterPosition> replayedRecords) {
    }

    public TopicState state(String topic) {
        requireConsumed(topic);
        String dlt = topics.deadLetter(topic);
        Offsets offsets = offsets(dlt);
        List<PartitionState> states = new ArrayList<>(offsets.partitions().size());
        long depth = 0;
        for (TopicPartition partition : offsets.partitions()) {
            long from = offsets.first(partition);
            long to = offsets.end(partition);
            long replayed = store.redis().zcount(replayedKey(topic, partition.partition()), from, Double.POSITIVE_INFINITY);
            PartitionState state = new PartitionState(partition.partition(), from, to, replayed);
            states.add(state);
            depth += state.pending();
        }
        return new TopicState(topic, Topics.deadLetter(topic), depth, states);
    }

    /** A dead-letter topic's partitions with their first and end offsets, read at one moment. */
    private record Offsets(List<TopicPartition> partitions, Map<TopicPartition, Long> firsts,
            Map<TopicPartition, Long> ends) {

        long first(TopicPartition partition) {
            return firsts.getOrDefault(partition, 0L);
        }

        long end(TopicPartition partition) {
            return Math.max(first(partition), ends.getOrDefault(partition, 0L));
        }

        boolean holds(int partition, long offset) {
            if (partition < 0 || partition >= partitions.size()) {
                return false;
            }
            TopicPartition tp = partitions.get(partition);
            return offset >= first(tp) && offset < end(tp);
        }
    }

    private Offsets offsets(String dlt) {
        try {
            Admin client = admin();
            long timeout = METADATA_TIMEOUT.toMillis();
            var description = client.describeTopics(List.of(dlt)).allTopicNames().get(timeout, TimeUnit.MILLISECONDS)
                    .get(dlt);
            List<TopicPartition> partitions = description.partitions().stream()
                    .map(p -> new TopicPartition(dlt, p.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> {
                earliest.put(p, OffsetSpec.earliest());
                latest.put(p, OffsetSpec.latest());
            });
            Map<TopicPartition, Long> firsts = new HashMap<>();
            Map<TopicPartition, Long> ends = new HashMap<>();
            client.listOffsets(earliest).all().get(timeout, TimeUnit.MILLISECONDS)
                    .forEach((p, info) -> firsts.put(p, info.offset()));
            client.listOffsets(latest).all().get(timeout, TimeUnit.MILLISECONDS)
                    .forEach((p, info) -> ends.put(p, info.offset()));
            return new Offsets(partitions, firsts, ends);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                // Not created yet: nothing was dead-lettered.
                return new Offsets(List.of(), Map.of(), Map.of());
            }
            log.warn("Offsets of {} could not be read from Kafka: {}", dlt, String.valueOf(e.getCause()));
            throw new DeadLettersUnavailableException();
        } catch (TimeoutException | KafkaException e) {
            log.warn("Offsets of {} could not be read from Kafka: {}", dlt, e.toString());
            throw new DeadLettersUnavailableException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLettersUnavailableException();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    /** Closes the admin client (at shutdown). */
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }

    /**
     * A page of the topic's dead letters, oldest or newest first (by dead-letter time across partitions). The cursor
     * is {@code partition:offset} pairs joined by commas: for the oldest first, the next offset to read in each
     * partition; for the newest first, the offset below which to read.
     */
    public Page list(String topic, boolean newestFirst, int limit, String cursor) {
        requireConsumed(topic);
        if (limit < 1 || limit > DeadLetterProperties.MAX_PAGE) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.Invalid("limit",
                    "problem.dead-letters.invalid-limit", DeadLetterProperties.MAX_PAGE)));
        }
        Offsets offsets = offsets(topics.deadLetter(topic));
        Map<Integer, Long> positions = parseCursor(cursor, offsets.partitions().size());
        return withConsumer(consumer -> {
            // Per partition, the next records in the order of the page (ascending offsets for the oldest first).
            Map<Integer, ArrayDeque<ConsumerRecord<byte[], byte[]>>> heads = new LinkedHashMap<>();
            Map<Integer, long[]> ranges = new LinkedHashMap<>();
            for (TopicPartition partition : offsets.partitions()) {
                long lowest = offsets.first(partition);
                long highest = offsets.end(partition);
                long at = Math.max(lowest, Math.min(highest, positions.getOrDefault(partition.partition(),
                        newestFirst ? highest : lowest)));
                long from = newestFirst ? Math.max(lowest, at - limit) : at;
                long to = newestFirst ? at : Math.min(highest, at + limit);
                ranges.put(partition.partition(), new long[] {lowest, highest, at});
                ArrayDeque<ConsumerRecord<byte[], byte[]>> records = new ArrayDeque<>();
                read(consumer, partition, from, to, newestFirst ? records::addFirst : records::addLast);
                heads.put(partition.partition(), records);
            }
            // Merge by time, taking from each partition only in its own order, so that the cursor (one position per
            // partition) never skips a record whose timestamp is out of order within its partition.
            Comparator<ConsumerRecord<byte[], byte[]>> byTime = Comparator
                    .comparingLong((ConsumerRecord<byte[], byte[]> r) -> r.timestamp())
                    .thenComparingInt(ConsumerRecord::partition);
            Comparator<ConsumerRecord<byte[], byte[]>> pageOrder = newestFirst ? byTime.reversed() : byTime;
            PriorityQueue<ConsumerRecord<byte[], byte[]>> next = new PriorityQueue<>(pageOrder);
            heads.values().forEach(records -> {
                if (!records.isEmpty()) {
                    next.add(records.pollFirst());
                }
            });
            List<ConsumerRecord<byte[], byte[]>> page = new ArrayList<>(limit);
            while (page.size() < limit && !next.isEmpty()) {
                ConsumerRecord<byte[], byte[]> record = next.poll();
                page.add(record);
                ConsumerRecord<byte[], byte[]> following = heads.get(record.partition()).pollFirst();
                if (following != null) {
                    next.add(following);
                }
            }
            Map<String, String> replays = replays(topic, page);
            List<DeadLetter> letters = page.stream().map(r -> describe(r, replays, true)).toList();
            // The next page continues each partition after what this page showed of it.
            Map<Integer, Long> cursors = new LinkedHashMap<>();
            ranges.forEach((partition, range) -> cursors.put(partition, range[2]));
            for (ConsumerRecord<byte[], byte[]> record : page) {
                cursors.merge(record.partition(), newestFirst ? record.offset() : record.offset() + 1,
                        newestFirst ? Math::min : Math::max);
            }
            boolean more = cursors.entrySet().stream().anyMatch(e -> newestFirst ? e.getValue() > ranges.get(e.getKey())[0]
                    : e.getValue() < ranges.get(e.getKey())[1]);
            String nextCursor = more ? String.join(",", cursors.entrySet().stream()
                    .map(e -> e.getKey() + ":" + e.getValue()).toList()) : null;
            return new Page(topic, Topics.deadLetter(topic), newestFirst ? "newest" : "oldest", letters, nextCursor);
        });
    }

    /** One dead letter with its whole value. */
    public DeadLetter get(String topic, int partition, long offset) {
        requireConsumed(topic);
        Offsets offsets = offsets(topics.deadLetter(topic));
        if (!offsets.holds(partition, offset)) {
            throw noSuchRecord(partition, offset);
        }
        return withConsumer(consumer -> {
            ConsumerRecord<byte[], byte[]> record = fetch(consumer, offsets, partition, offset);
            return describe(record, replays(topic, List.of(record)), false);
        });
    }

    /** Replays the chosen dead letters (each at most once, ever); an unknown position refuses the whole request. */
    public ReplayResult replay(String topic, List<DeadLetterPosition> chosen, String by) {
        requireConsumed(topic);
        Offsets offsets = offsets(topics.deadLetter(topic));
        Set<DeadLetterPosition> unique = new LinkedHashSet<>(chosen);
        for (DeadLetterPosition position : unique) {
            if (!offsets.holds(position.partition(), position.offset())) {
                throw noSuchRecord(position.partition(), position.offset());
            }
        }
        return withConsumer(consumer -> {
            int replayed = 0;
            int before = 0;
            List<DeadLetterPosition> done = new ArrayList<>();
            for (DeadLetterPosition position : unique) {
                var record = fetch(consumer, offsets, position.partition(), position.offset());
                if (replayOne(topic, record, by)) {
                    replayed++;
                    done.add(position);
                } else {
                    before++;
                }
            }
            return new ReplayResult(topic, replayed, before, done);
        });
    }

    /**
     * Replays every dead letter of the topic not replayed yet, up to the end offsets taken when called (dead letters
     * arriving meanwhile wait for the next replay), reading a batch at a time.
     */
    public ReplayResult replayAll(String topic, String by) {
        requireConsumed(topic);
        Offsets offsets = offsets(topics.deadLetter(topic));
        return withConsumer(consumer -> {
            int[] counts = new int[2];
            List<DeadLetterPosition> done = new ArrayList<>();
            for (TopicPartition partition : offsets.partitions()) {
                String replayedKey = replayedKey(topic, partition.partition());
                read(consumer, partition, offsets.first(partition), offsets.end(partition), record -> {
                    if (store.redis().zscore(replayedKey, Long.toString(record.offset())) != null) {
                        counts[1]++;
                    } else if (replayOne(topic, record, by)) {
                        counts[0]++;
                        if (done.size() < DeadLetterProperties.MAX_PAGE) {
                            done.add(new DeadLetterPosition(record.partition(), record.offset()));
                        }
                    } else {
                        counts[1]++;
                    }
                });
            }
            return new ReplayResult(topic, counts[0], counts[1], done);
        });
    }

    /** Records the replay and appends the record to the outbox, in one step; false when it was replayed before. */
    private boolean replayOne(String topic, ConsumerRecord<byte[], byte[]> record, String by) {
        String replayedKey = replayedKey(topic, record.partition());
        String member = Long.toString(record.offset());
        List<Map.Entry<String, byte[]>> headers = new ArrayList<>();
        String traceparent = null;
        for (Header header : record.headers()) {
            String name = header.key();
            if ("traceparent".equals(name)) {
                traceparent = header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            } else if (!isDeadLetterHeader(name)) {
                headers.add(Map.entry(name, header.value() == null ? new byte[0] : header.value()));
            }
        }
        headers.add(Map.entry(REPLAY_OF, (Topics.deadLetter(topic) + ":" + record.partition() + ":" + record.offset())
                .getBytes(StandardCharsets.UTF_8)));
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        try {
            store.atomically()
                    .requireUnranked(replayedKey, member, AlreadyReplayedException::new)
                    .zadd(replayedKey, record.offset(), member)
                    .hset(replaysKey(topic), Map.of(record.partition() + ":" + record.offset(),
                            Instant.now(clock) + "|" + by))
                    .emitRaw(topic, key, record.value(), headers, traceparent)
                    .execute();
            log.info("Dead letter {}:{}:{} replayed to {} by {}", Topics.deadLetter(topic), record.partition(),
                    record.offset(), topic, by);
            return true;
        } catch (AlreadyReplayedException before) {
            return false;
        }
    }

    private static boolean isDeadLetterHeader(String name) {
        return name.startsWith("kafka_dlt-") || name.equals(REASON) || name.startsWith("springDeserializerException")
                || name.equals(REPLAY_OF) || name.equals("b3");
    }

    private DeadLetter describe(ConsumerRecord<byte[], byte[]> record, Map<String, String> replays, boolean preview) {
        String originalTopic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        byte[] partitionHeader = bytes(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        byte[] offsetHeader = bytes(record, KafkaHeaders.DLT_ORIGINAL_OFFSET);
        Integer originalPartition = partitionHeader != null && partitionHeader.length == 4
                ? ByteBuffer.wrap(partitionHeader).getInt() : null;
        Long originalOffset = offsetHeader != null && offsetHeader.length == 8 ? ByteBuffer.wrap(offsetHeader).getLong()
                : null;
        String exception = text(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
        String message = text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        String reason = text(record, REASON);
        if (reason == null) {
            reason = exception == null ? message : message == null ? exception : exception + ": " + message;
        }
        String eventId = null;
        String eventType = null;
        String value = utf8(record.value());
        if (value != null) {
            try {
                JsonNode envelope = json.readTree(value);
                if (envelope != null && envelope.isObject()) {
                    eventId = envelope.path("id").isString() ? envelope.path("id").asString() : null;
                    eventType = envelope.path("type").isString() ? envelope.path("type").asString() : null;
                }
            } catch (RuntimeException notJson) {
                // Not an envelope: listed without an id or type.
            }
        }
        String replay = replays.get(record.partition() + ":" + record.offset());
        Instant replayedAt = null;
        String replayedBy = null;
        if (replay != null) {
            int bar = replay.indexOf('|');
            replayedAt = Instant.parse(bar < 0 ? replay : replay.substring(0, bar));
            replayedBy = bar < 0 ? null : replay.substring(bar + 1);
        }
        String shown = value;
        String base64 = null;
        if (preview) {
            shown = value == null ? null : value.length() > PREVIEW ? value.substring(0, PREVIEW) : value;
        } else if (value == null && record.value() != null) {
            base64 = Base64.getEncoder().encodeToString(record.value());
        }
        return new DeadLetter(record.partition(), record.offset(), originalTopic, originalPartition, originalOffset,
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), eventId, eventType,
                reason, exception, record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()),
                replayedAt, replayedBy, shown, base64);
    }

    private Map<String, String> replays(String topic, List<ConsumerRecord<byte[], byte[]>> records) {
        if (records.isEmpty()) {
            return Map.of();
        }
        String[] fields = records.stream().map(r -> r.partition() + ":" + r.offset()).toArray(String[]::new);
        List<String> values = store.redis().hmget(replaysKey(topic), fields);
        Map<String, String> replays = new HashMap<>();
        for (int i = 0; i < fields.length; i++) {
            if (values.get(i) != null) {
                replays.put(fields[i], values.get(i));
            }
        }
        return replays;
    }

    private ConsumerRecord<byte[], byte[]> fetch(Consumer<byte[], byte[]> consumer, Offsets offsets, int partition,
            long offset) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>(1);
        read(consumer, offsets.partitions().get(partition), offset, offset + 1, record -> {
            if (record.offset() == offset) {
                found.add(record);
            }
        });
        if (found.isEmpty()) {
            throw noSuchRecord(partition, offset);
        }
        return found.get(0);
    }

    /** Reads {@code [from, to)} of one partition, a poll at a time, giving up after the read timeout without progress. */
    private void read(Consumer<byte[], byte[]> consumer, TopicPartition partition, long from, long to,
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        if (from >= to) {
            return;
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        long deadline = System.nanoTime() + settings.readTimeout().toNanos();
        while (consumer.position(partition) < to) {
            if (System.nanoTime() > deadline) {
                throw new DeadLettersUnavailableException();
            }
            var records = consumer.poll(Duration.ofMillis(200));
            if (!records.isEmpty()) {
                // The time-out is for a read that makes no progress; a long replay of many records goes on.
                deadline = System.nanoTime() + settings.readTimeout().toNanos();
            }
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (record.offset() >= from && record.offset() < to) {
                    each.accept(record);
                }
            }
        }
    }

    /** Parses a cursor strictly: a bad one is a 400 naming {@code cursor}, never a 500. */
    private static Map<Integer, Long> parseCursor(String cursor, int partitions) {
        Map<Integer, Long> positions = new HashMap<>();
        if (cursor == null || cursor.isEmpty()) {
            return positions;
        }
        if (cursor.length() > 2_000 || !cursor.matches("\\d{1,6}:\\d{1,18}(,\\d{1,6}:\\d{1,18})*")) {
            throw invalidCursor();
        }
        for (String pair : cursor.split(",")) {
            int colon = pair.indexOf(':');
            int partition = Integer.parseInt(pair.substring(0, colon));
            if (partition >= partitions || positions.put(partition, Long.parseLong(pair.substring(colon + 1))) != null) {
                throw invalidCursor();
            }
        }
        return positions;
    }

    private static InvalidFieldsException invalidCursor() {
        return new InvalidFieldsException(List.of(new InvalidFieldsException.Invalid("cursor",
                "problem.dead-letters.invalid-cursor")));
    }

    private static NotFoundException noSuchRecord(int partition, long offset) {
        return new NotFoundException("problem.dead-letters.no-such-record", partition, offset);
    }

    private void requireConsumed(String topic) {
        if (topic == null || !consumedTopics().contains(topic)) {
            throw new NotFoundException("problem.dead-letters.unknown-topic");
        }
    }

    /** A fresh consumer for one request (a few at a time); Kafka failing or slow is a 503, never a 500. */
    private <T> T withConsumer(Function<Consumer<byte[], byte[]>, T> work) {
        boolean acquired;
        try {
            acquired = readers.tryAcquire(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLettersUnavailableException();
        }
        if (!acquired) {
            throw new DeadLettersUnavailableException();
        }
        try (Consumer<byte[], byte[]> consumer = newConsumer()) {
            return work.apply(consumer);
        } catch (KafkaException e) {
            log.warn("Dead letters of {} could not be read from Kafka: {}", platform.serviceName(), e.toString());
            throw new DeadLettersUnavailableException();
        } finally {
            readers.release();
        }
    }

    private Consumer<byte[], byte[]> newConsumer() {
        return new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    String replayedKey(String topic, int partition) {
        return store.keys().key("dead-letters", topic, "replayed", Integer.toString(partition));
    }

    private String replaysKey(String topic) {
        return store.keys().key("dead-letters", topic, "replays");
    }

    private static String text(ConsumerRecord<?, ?> record, String header) {
        byte[] value = bytes(record, header);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ConsumerRecord<?, ?> record, String header) {
        Header last = record.headers().lastHeader(header);
        return last == null ? null : last.value();
    }

    /** The bytes as text when they are valid UTF-8, else null. */
    private static String utf8(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
