package org.vigil.cot.server;

import org.vigil.cot.event.CotEvent;

import java.time.Clock;
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
    private final List<Consumer<CotEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;

    Router(Clock clock) {
        this.clock = clock;
    }

    void addListener(Consumer<CotEvent> listener) {
        listeners.add(listener);
    }

    /** Adds {@code s} to {@code group} and replays that group's current picture to it. */
    void join(Subscriber s, String group) {
        members.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(s);
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
     * never neither.
     */
    void route(RoutedEvent e) {
        if (!e.event().isControl()) {
            latest.merge(e.event().uid(), e,
                    (old, neu) -> neu.event().time().isBefore(old.event().time()) ? old : neu);
        }
        if (e.group() == null) {
            for (Set<Subscriber> set : members.values()) {
                deliver(set, e);
            }
        } else {
            Set<Subscriber> set = members.get(e.group());
            if (set != null) {
                deliver(set, e);
            }
        }
        for (Consumer<CotEvent> l : listeners) {
            l.accept(e.event());
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
