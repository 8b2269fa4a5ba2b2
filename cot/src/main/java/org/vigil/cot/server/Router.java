package org.vigil.cot.server;

import org.vigil.cot.event.CotEvent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 */
final class Router {

    /** The group of subscribers that have not named a team. */
    static final String NO_GROUP = "";

    private final Map<String, Set<Subscriber>> members = new ConcurrentHashMap<>();
    private final Map<String, RoutedEvent> latest = new ConcurrentHashMap<>();
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
        for (RoutedEvent e : latest.values()) {
            if ((e.group() == null || e.group().equals(group)) && e.origin() != s
                    && !e.event().isStaleAt(clock.instant())) {
                s.deliver(e);
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
            latest.merge(e.event().uid(), e,
                    (old, neu) -> neu.event().time().isBefore(old.event().time()) ? old : neu);
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
        latest.values().removeIf(e -> e.event().isStaleAt(clock.instant()));
    }

    int latestCount() {
        return latest.size();
    }
}
