package org.vigil.cot.server;

import org.vigil.cot.codec.DecodeResult;
import org.vigil.cot.codec.TakProtoCodec;
import org.vigil.cot.event.CotEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Shares events within groups, like a TAK server: an event reaches every other member of
 * its group (the sender's {@code __group} team; senders with none share
 * {@link #NO_GROUP}); server events (group {@code null}) reach everyone. Keeps the latest
 * non-control event of each uid, so a subscriber joining a group is first sent what that
 * group already knows; stale entries are never replayed and are swept out.
 *
 * <p>What is kept of an event is its TAK protocol payload, decoded again only for a joiner:
 * a busy server holds the latest event of tens of thousands of uids, each replaced several
 * times a second, so whatever is kept per uid is copied by nearly every young collection.
 * A payload is one array of about 150 bytes; the decoded event was about a kilobyte in
 * twenty objects, and those were most of what each collection copied at 50,000 reports/s.
 */
final class Router {

    /** The group of subscribers that have not named a team. */
    static final String NO_GROUP = "";

    private final Map<String, Set<Subscriber>> members = new ConcurrentHashMap<>();
    private final Map<String, Remembered> latest = new ConcurrentHashMap<>();

    /**
     * The latest event of a uid, as remembered for replay.
     *
     * @param timeNanos  its time, nanoseconds since the epoch
     * @param staleNanos its stale time, nanoseconds since the epoch
     * @param protobuf   its TAK protocol v1 payload (unframed)
     */
    private record Remembered(String group, Subscriber origin, long timeNanos, long staleNanos, byte[] protobuf) {

        boolean isStaleAt(Instant now) {
            return epochNanos(now) > staleNanos;
        }

        /** The event again, or empty if its payload no longer decodes (it did when it was sent). */
        Optional<RoutedEvent> event() {
            return switch (new TakProtoCodec().decode(protobuf)) {
                case DecodeResult.Decoded<CotEvent> d -> Optional.of(new RoutedEvent(d.value(), group, origin));
                case DecodeResult.Rejected<CotEvent> r -> Optional.empty();
            };
        }
    }

    private static long epochNanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
    private volatile Subscriber[] everyone = new Subscriber[0];
    private final List<Consumer<Received>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;

    Router(Clock clock) {
        this.clock = clock;
    }

    void addListener(Consumer<Received> listener) {
        listeners.add(listener);
    }

    /** Adds {@code s} to {@code group} and replays that group's current picture to it. */
    void join(Subscriber s, String group) {
        members.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(s);
        refreshEveryone();
        for (Remembered r : latest.values()) {
            if ((r.group() == null || r.group().equals(group)) && r.origin() != s && !r.isStaleAt(clock.instant())) {
                r.event().ifPresent(s::deliver);
            }
        }
    }

    void leave(Subscriber s, String group) {
        Set<Subscriber> set = members.get(group);
        if (set != null) {
            set.remove(s);
        }
        refreshEveryone();
    }

    /**
     * Every subscriber, as an array read by each server event (a track goes to every client):
     * rebuilt on the rare join or leave, rather than walking every group's set per event.
     */
    private synchronized void refreshEveryone() {
        List<Subscriber> all = new ArrayList<>();
        for (Set<Subscriber> set : members.values()) {
            all.addAll(set);
        }
        everyone = all.toArray(new Subscriber[0]);
    }

    /** Moves {@code s} from one group to another (replaying the new group's picture). */
    void move(Subscriber s, String from, String to) {
        leave(s, from);
        join(s, to);
    }

    /**
     * Fans {@code e} out, remembers it for replay and tells the listeners. The event is
     * remembered before the members are read, and {@link #join} adds the member before it
     * reads what is remembered, so a concurrent joiner gets it live or replayed (maybe both),
     * never neither. {@code protobuf}: the event's TAK protocol v1 payload as a client sent it
     * (for the listeners), or {@code null}.
     */
    void route(RoutedEvent e, byte[] protobuf) {
        if (!e.event().isControl()) {
            Remembered r = new Remembered(e.group(), e.origin(), epochNanos(e.event().time()),
                    epochNanos(e.event().stale()), protobuf != null ? protobuf : e.protobuf());
            latest.merge(e.event().uid(), r, (old, neu) -> neu.timeNanos() < old.timeNanos() ? old : neu);
        }
        if (e.group() == null) {
            for (Subscriber s : everyone) {
                if (s != e.origin()) {
                    s.deliver(e);
                }
            }
        } else {
            Set<Subscriber> set = members.get(e.group());
            // a sensor alone in its group (the common case for a feed) has nobody to share with
            if (set != null && !(set.size() == 1 && set.contains(e.origin()))) {
                deliver(set, e);
            }
        }
        if (!listeners.isEmpty()) {
            Received r = new Received(e.event(), protobuf);
            for (Consumer<Received> l : listeners) {
                l.accept(r);
            }
        }
    }

    private static void deliver(Set<Subscriber> set, RoutedEvent e) {
        for (Subscriber s : set) {
            if (s != e.origin()) {
                s.deliver(e);
            }
        }
    }

    /** Forgets events past their stale time. */
    void sweepStale() {
        latest.values().removeIf(r -> r.isStaleAt(clock.instant()));
    }

    int latestCount() {
        return latest.size();
    }
}
