package dev.hybridconf.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the test Redis that can lose Redis's answers, as when the network or the process fails
 * right after Redis applied a write: once {@link #loseAnswersTo(String)} is armed, the first command whose bytes
 * contain the given text (a key, a value) still reaches Redis and is executed, but neither its answer nor any
 * later one reaches that client connection, which times out. Every other connection is untouched. Point a
 * context's {@code platform.redis.port} at {@link #port()}.
 */
public final class RedisProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String redisHost;
    private final int redisPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger lost = new AtomicInteger();
    private volatile byte[] needle;

    private RedisProxy(String redisHost, int redisPort) throws IOException {
        this.redisHost = redisHost;
        this.redisPort = redisPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "redis-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of the shared test Redis. */
    public static RedisProxy start() {
        Infrastructure infrastructure = SharedInfrastructure.get();
        try {
            return new RedisProxy(infrastructure.redisHost(), infrastructure.redisPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next command containing {@code text} is executed, and its connection hears nothing more. */
    public void loseAnswersTo(String text) {
        needle = text.getBytes(StandardCharsets.UTF_8);
    }

    /** Disarms {@link #loseAnswersTo}. */
    public void answerAll() {
        needle = null;
    }

    /** Connections whose answers were lost so far. */
    public int lostAnswers() {
        return lost.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket redis = new Socket(redisHost, redisPort);
                client.setTcpNoDelay(true);
                redis.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(redis);
                Link link = new Link();
                pump(client, redis, link, false);
                pump(redis, client, link, true);
            } catch (IOException e) {
                // Closed, or Redis refused one connection: the client sees it fail.
            }
        }
    }

    /** One client connection: whether it still hears Redis. */
    private static final class Link {
        volatile boolean deaf;
        byte[] tail = new byte[0];
    }

    private void pump(Socket from, Socket to, Link link, boolean answers) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (answers) {
                        if (link.deaf) {
                            continue;
                        }
                    } else if (!link.deaf && armedFor(link, buffer, read)) {
                        // Redis still gets the command; the client no longer gets answers.
                        link.deaf = true;
                        lost.incrementAndGet();
                        needle = null;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closed) {
                // One side went away: the other goes too.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, answers ? "redis-proxy-answers" : "redis-proxy-commands");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the armed text is in this chunk (or straddles it and the previous one). */
    private boolean armedFor(Link link, byte[] buffer, int length) {
        byte[] text = needle;
        if (text == null) {
            link.tail = new byte[0];
            return false;
        }
        byte[] seen = new byte[link.tail.length + length];
        System.arraycopy(link.tail, 0, seen, 0, link.tail.length);
        System.arraycopy(buffer, 0, seen, link.tail.length, length);
        int keep = Math.min(seen.length, text.length - 1);
        link.tail = java.util.Arrays.copyOfRange(seen, seen.length - keep, seen.length);
        outer:
        for (int i = 0; i + text.length <= seen.length; i++) {
            for (int j = 0; j < text.length; j++) {
                if (seen[i + j] != text[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(RedisProxy::closeQuietly);
    }
}
