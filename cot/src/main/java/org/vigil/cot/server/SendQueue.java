package org.vigil.cot.server;

import java.util.ArrayDeque;

/**
 * The events waiting to be written to one client, bounded: when full, the oldest position
 * report goes to make room (else the oldest event), so that alerts and deletions outlast
 * the track updates that a client reading too slowly must lose anyway. First in, first out
 * otherwise. Not thread-safe: the session guards it.
 *
 * <p>Why two deques: a client that reads nothing keeps its queue full, and every event fanned
 * out to it drops one. Events that are not position reports stay, and sit at the front; a
 * search past them for the oldest position report on every drop would cost more with every
 * alert the client never read. Instead they move, once, from the front of {@code queue} to
 * {@code kept}, which holds only events older than all of {@code queue}: a drop is then the
 * front of {@code queue}, in constant time, and the order out is {@code kept}, then {@code queue}.
 */
final class SendQueue {

    private final int capacity;
    /** Events that are not position reports, each older than everything in {@link #queue}, oldest first. */
    private final ArrayDeque<RoutedEvent> kept = new ArrayDeque<>();
    private final ArrayDeque<RoutedEvent> queue = new ArrayDeque<>();

    SendQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    boolean isEmpty() {
        return kept.isEmpty() && queue.isEmpty();
    }

    int size() {
        return kept.size() + queue.size();
    }

    /** Adds {@code e} at the back; returns true when another event was dropped to make room. */
    boolean add(RoutedEvent e) {
        boolean dropped = false;
        if (size() >= capacity) {
            dropOne();
            dropped = true;
        }
        queue.addLast(e);
        return dropped;
    }

    /** The oldest event, or null. */
    RoutedEvent poll() {
        return kept.isEmpty() ? queue.pollFirst() : kept.pollFirst();
    }

    void clear() {
        kept.clear();
        queue.clear();
    }

    private void dropOne() {
        while (!queue.isEmpty() && !queue.peekFirst().event().isPositionReport()) {
            kept.addLast(queue.pollFirst());
        }
        if (!queue.isEmpty()) {
            queue.pollFirst();
        } else {
            kept.pollFirst(); // nothing but events that are not position reports: the oldest goes
        }
    }
}
