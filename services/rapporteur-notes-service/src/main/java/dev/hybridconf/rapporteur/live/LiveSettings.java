package dev.hybridconf.rapporteur.live;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The live stream's settings ({@code platform.rapporteur.live.*}).
 *
 * @param maxSubscribers open streams per replica; one more is refused with 503 {@code live-busy}
 * @param pingInterval   how often an idle stream gets a {@code : ping} comment (keeps proxies' idle timers alive and
 *                       finds clients that left)
 * @param timeout        how long one stream stays open; the browser then reconnects with {@code Last-Event-ID}
 * @param queueLimit     entries waiting for one subscriber beyond which it is dropped (it reconnects and resumes)
 * @param block          how long the feed's {@code XREAD} blocks; below the Redis socket timeout
 * @param writers        threads writing to the streams
 */
@Component
class LiveSettings {

    final int maxSubscribers;
    final Duration pingInterval;
    final Duration timeout;
    final int queueLimit;
    final Duration block;
    final int writers;

    LiveSettings(@Value("${platform.rapporteur.live.max-subscribers:500}") int maxSubscribers,
            @Value("${platform.rapporteur.live.ping-interval:15s}") Duration pingInterval,
            @Value("${platform.rapporteur.live.timeout:30m}") Duration timeout,
            @Value("${platform.rapporteur.live.queue-limit:1000}") int queueLimit,
            @Value("${platform.rapporteur.live.block:2s}") Duration block,
            @Value("${platform.rapporteur.live.writers:4}") int writers) {
        this.maxSubscribers = maxSubscribers;
        this.pingInterval = pingInterval;
        this.timeout = timeout;
        this.queueLimit = queueLimit;
        this.block = block;
        this.writers = writers;
    }
}
