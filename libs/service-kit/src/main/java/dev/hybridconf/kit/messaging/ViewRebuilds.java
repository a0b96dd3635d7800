package dev.hybridconf.kit.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.ConsumedRecord;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Rebuilds a {@link RebuildableView} from offset 0 of the topics its listener reads:
 * <ol>
 * <li>in one write, the listener's positions are replaced by "from the start" ({@code *} = -1) and marked
 * {@code rebuilding}: from then on every replica's writes for that listener wait (a transient failure, retried);</li>
 * <li>the view's keys, the listener's markers and the versions its copy holds are dropped;</li>
 * <li>the mark is removed and this replica's container restarts: the group rebalances, and every replica seeks
 * each partition to the position Redis holds, i.e. offset 0. (A replica that is not reassigned finds, at its next
 * write, a position below its own and re-reads from the start as well.)</li>
 * </ol>
 * Applying every event again from an empty view gives the same state and the same counts as before, because each
 * event is applied once per handler and in partition order. The rebuild takes as long as the replay; the view is
 * incomplete meanwhile (the consumers' health is DOWN while the rebuild mark is set).
 */
public class ViewRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuilds.class);

    /** What a rebuild did. */
    public record Rebuild(String view, String listenerId, List<String> topics, long keysDropped) {
    }

    private final Map<String, RebuildableView> views;
    private final RedisStore store;
    private final KafkaListenerEndpointRegistry registry;

    public ViewRebuilds(Collection<RebuildableView> views, RedisStore store, KafkaListenerEndpointRegistry registry) {
        this.views = views.stream().collect(Collectors.toUnmodifiableMap(RebuildableView::name, Function.identity()));
        this.store = store;
        this.registry = registry;
    }

    public Optional<RebuildableView> find(String name) {
        return Optional.ofNullable(name == null ? null : views.get(name));
    }

    public Collection<RebuildableView> all() {
        return views.values();
    }

    /** Drops the view and replays its topics from offset 0; returns once the replay has started. */
    public synchronized Rebuild rebuild(RebuildableView view) {
        MessageListenerContainer container = registry.getListenerContainer(view.listenerId());
        if (container == null) {
            throw new IllegalStateException("no listener " + view.listenerId());
        }
        KeySpace keys = store.keys();
        String handler = view.listenerId();
        List<String> topics = List.of(container.getContainerProperties().getTopics());
        container.stop();
        try {
            AtomicWrite fence = store.atomically();
            for (String topic : topics) {
                String positions = ConsumedRecord.positionsKey(keys, handler, topic);
                fence.delete(positions).hset(positions, Map.of("*", "-1", "rebuilding", "1"));
            }
            fence.execute();
            List<String> patterns = new ArrayList<>();
            view.keyPatterns().forEach(pattern -> patterns.add(keys.key(pattern)));
            patterns.add(ConsumedRecord.markerKey(keys, handler, "*"));
            topics.forEach(topic -> patterns.add(ConsumedRecord.versionsKey(keys, handler, topic)));
            // Markers from before markers were per handler would make the replay skip everything.
            patterns.add(keys.processed("*"));
            long dropped = 0;
            for (String pattern : patterns) {
                dropped += drop(pattern);
            }
            AtomicWrite open = store.atomically();
            topics.forEach(topic -> open.hdel(ConsumedRecord.positionsKey(keys, handler, topic), "rebuilding"));
            open.execute();
            log.warn("View {} dropped ({} keys); {} replays {} from offset 0", view.name(), dropped, handler, topics);
            return new Rebuild(view.name(), handler, topics, dropped);
        } finally {
            container.start();
        }
    }

    private long drop(String pattern) {
        long dropped = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(pattern).count(1000);
        do {
            ScanResult<String> page = store.redis().scan(cursor, params);
            List<String> found = page.getResult();
            if (!found.isEmpty()) {
                // One key per call: keys of a Redis Cluster live on different slots.
                for (String key : found) {
                    dropped += store.redis().unlink(key);
                }
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return dropped;
    }
}
