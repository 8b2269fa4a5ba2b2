package org.vigil.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.watch.Alert;
import org.vigil.watch.LiveListener;
import org.vigil.watch.LivePicture;
import org.vigil.watch.TrackView;

/**
 * The WebSocket {@code /api/live}: pushes the live picture to browsers. On authentication a
 * client gets a {@code snapshot} (every track, recent alerts); then batched {@code tracks}
 * messages and immediate {@code alert} and {@code planJob} messages.
 *
 * <p>Why the throttle: the pipeline may update thousands of tracks a second, far more than a
 * browser can draw. Changes are coalesced per track (latest state wins) and flushed every
 * {@link #FLUSH_INTERVAL}, each track at most once per {@link #TRACK_INTERVAL}; so 5,000 tracks
 * cost at most 5,000 track updates a second in all, whatever the ingest rate. A client whose
 * sends are still pending ({@link #MAX_PENDING_SENDS}) skips batches and gets a fresh snapshot
 * once it has caught up, so one slow browser neither stalls the others nor grows a queue.
 *
 * <p>All sends happen on one thread, so a session never sees two concurrent writes.
 */
public final class LiveHub implements LiveListener, AutoCloseable {

    static final Duration FLUSH_INTERVAL = Duration.ofMillis(500);
    static final Duration TRACK_INTERVAL = Duration.ofSeconds(1);
    static final Duration AUTH_TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_PENDING_SENDS = 8;
    static final int SNAPSHOT_ALERTS = 200;
    /** WebSocket close code for a missing or wrong token (4000-4999: application codes). */
    public static final int CLOSE_UNAUTHORIZED = 4401;

    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);

    private final LivePicture live;
    private final BearerToken token;
    private final AlertPlaces places;
    private final ScheduledExecutorService sender;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    private final Object lock = new Object();
    private final Map<String, TrackView> pending = new LinkedHashMap<>();
    private final Set<String> deleted = new LinkedHashSet<>();
    private final Map<String, Long> lastSentNanos = new HashMap<>();
    private final AtomicLong messagesSent = new AtomicLong();

    private static final class Client {
        final WsContext ws;
        volatile boolean authenticated;
        volatile boolean needsSnapshot;
        final AtomicInteger pendingSends = new AtomicInteger();

        Client(WsContext ws) {
            this.ws = ws;
        }
    }

    public LiveHub(LivePicture live, BearerToken token, AlertPlaces places) {
        this.live = live;
        this.token = token;
        this.places = places;
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-ws-sender");
            t.setDaemon(true);
            return t;
        });
        long every = FLUSH_INTERVAL.toMillis();
        sender.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
        live.addListener(this);
    }

    /** Wires the socket's events; the upgrade itself was checked by the server (query token). */
    public void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.session.setIdleTimeout(Duration.ofMinutes(10));
            Client c = new Client(ctx);
            clients.put(ctx.sessionId(), c);
            if (token.matches(ctx.queryParam("token"))) {
                authenticate(c);
            } else {
                sender.schedule(() -> {
                    if (!c.authenticated && ctx.session.isOpen()) {
                        ctx.closeSession(CLOSE_UNAUTHORIZED, "unauthorized: no auth message in time");
                    }
                }, AUTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        ws.onMessage(ctx -> {
            Client c = clients.get(ctx.sessionId());
            if (c == null) {
                return;
            }
            JsonNode msg;
            try {
                msg = ApiJson.MAPPER.readTree(ctx.message());
            } catch (Exception e) {
                sendLater(c, Map.of("type", "error", "message", "messages must be JSON objects with a \"type\""));
                return;
            }
            String type = msg.path("type").asText("");
            if (!c.authenticated) {
                if ("auth".equals(type) && token.matches(msg.path("token").asText(null))) {
                    authenticate(c);
                } else {
                    ctx.closeSession(CLOSE_UNAUTHORIZED, "unauthorized");
                }
                return;
            }
            if ("ping".equals(type)) {
                sendLater(c, Map.of("type", "pong"));
            }
        });
        ws.onClose(ctx -> clients.remove(ctx.sessionId()));
        ws.onError(ctx -> clients.remove(ctx.sessionId()));
    }

    private void authenticate(Client c) {
        c.authenticated = true;
        c.needsSnapshot = true;
        sender.execute(() -> sendSnapshotIfNeeded(c));
    }

    private void sendSnapshotIfNeeded(Client c) {
        if (!c.needsSnapshot || c.pendingSends.get() > 0) {
            return;
        }
        c.needsSnapshot = false;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "snapshot");
        m.put("tracks", ApiJson.tracks(live.tracks()));
        m.put("alerts", ApiJson.alerts(live.alerts(SNAPSHOT_ALERTS), places.forBatch()));
        send(c, ApiJson.text(m));
    }

    /** Sends a message to every authenticated client, from the sender thread, now. */
    public void broadcast(Object message) {
        String text = ApiJson.text(message);
        sender.execute(() -> clients.values().forEach(c -> {
            if (c.authenticated && !c.needsSnapshot) {
                send(c, text);
            }
        }));
    }

    private void sendLater(Client c, Object message) {
        String text = ApiJson.text(message);
        sender.execute(() -> send(c, text));
    }

    private void send(Client c, String text) {
        if (!c.ws.session.isOpen()) {
            clients.remove(c.ws.sessionId());
            return;
        }
        c.pendingSends.incrementAndGet();
        messagesSent.incrementAndGet();
        c.ws.session.sendText(text, Callback.from(c.pendingSends::decrementAndGet, failure -> {
            c.pendingSends.decrementAndGet();
            clients.remove(c.ws.sessionId());
        }));
    }

    private void flush() {
        try {
            List<TrackView> due = new ArrayList<>();
            List<String> gone;
            long now = System.nanoTime();
            boolean anyLive = false;
            for (Client c : clients.values()) {
                anyLive |= c.authenticated && !c.needsSnapshot;
            }
            synchronized (lock) {
                if (!anyLive) {
                    // nobody to send changes to: a browser that connects gets a snapshot first, so
                    // the changes are dropped rather than encoded for nobody
                    pending.clear();
                    deleted.clear();
                    lastSentNanos.clear();
                }
                for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                    var e = it.next();
                    Long last = lastSentNanos.get(e.getKey());
                    if (last == null || now - last >= TRACK_INTERVAL.toNanos()) {
                        due.add(e.getValue());
                        lastSentNanos.put(e.getKey(), now);
                        it.remove();
                    }
                }
                gone = List.copyOf(deleted);
                deleted.clear();
            }
            String batch = null;
            if (!due.isEmpty() || !gone.isEmpty()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", "tracks");
                m.put("tracks", ApiJson.tracks(due));
                m.put("deleted", gone);
                batch = ApiJson.text(m);
            }
            for (Client c : clients.values()) {
                if (!c.authenticated) {
                    continue;
                }
                if (c.needsSnapshot) {
                    sendSnapshotIfNeeded(c);
                } else if (batch != null) {
                    if (c.pendingSends.get() >= MAX_PENDING_SENDS) {
                        c.needsSnapshot = true;
                    } else {
                        send(c, batch);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("live update flush failed: {}", e.toString());
        }
    }

    @Override
    public void trackChanged(TrackView track) {
        synchronized (lock) {
            pending.put(track.id(), track);
            deleted.remove(track.id());
        }
    }

    @Override
    public void trackDeleted(String trackId) {
        synchronized (lock) {
            pending.remove(trackId);
            lastSentNanos.remove(trackId);
            deleted.add(trackId);
        }
    }

    @Override
    public void alertChanged(Alert alert) {
        // placed on the sender thread: the pipeline's thread must not wait for the track list
        sender.execute(() -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "alert");
            m.put("alert", ApiJson.AlertJson.of(alert, places.forBatch().apply(alert)));
            String text = ApiJson.text(m);
            clients.values().forEach(c -> {
                if (c.authenticated && !c.needsSnapshot) {
                    send(c, text);
                }
            });
        });
    }

    /** Authenticated WebSocket sessions now open. */
    public int sessions() {
        return (int) clients.values().stream().filter(c -> c.authenticated).count();
    }

    public long messagesSent() {
        return messagesSent.get();
    }

    @Override
    public void close() {
        live.removeListener(this);
        sender.shutdownNow();
        clients.values().forEach(c -> {
            try {
                c.ws.closeSession(1001, "server stopping");
            } catch (RuntimeException ignored) {
                // already closed
            }
        });
        clients.clear();
    }
}
