package org.vigil.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.vigil.track.model.Frame;

/**
 * Out-of-sequence handling by buffering: frames may arrive in any order, and are released to
 * the tracker in time order once they are {@code maxLagSeconds} older than the newest frame
 * seen (or on {@link #flush()}). A frame that arrives after frames newer than it have been
 * released cannot be applied in order and is rejected (counted, not applied): the tracker never
 * retrodicts.
 *
 * <p>The lag trades latency for completeness: a report delayed by up to {@code maxLagSeconds}
 * is used in order; a later one is dropped.
 */
public final class FrameBuffer {

    private final double maxLagSeconds;
    private final PriorityQueue<Frame> pending =
            new PriorityQueue<>(Comparator.comparingDouble(Frame::timeSeconds).thenComparingInt(Frame::sensorId));
    private double newestSeconds = Double.NEGATIVE_INFINITY;
    private double releasedSeconds = Double.NEGATIVE_INFINITY;
    private long rejected;

    /** @param maxLagSeconds how long a frame is held for late, older frames to catch up, s */
    public FrameBuffer(double maxLagSeconds) {
        if (!(maxLagSeconds >= 0)) {
            throw new IllegalArgumentException("lag must be non-negative");
        }
        this.maxLagSeconds = maxLagSeconds;
    }

    /** Accepts a frame; returns the frames now ready, in time order (possibly none). */
    public List<Frame> offer(Frame frame) {
        if (frame.timeSeconds() < releasedSeconds) {
            rejected++;
            return List.of();
        }
        pending.add(frame);
        newestSeconds = Math.max(newestSeconds, frame.timeSeconds());
        List<Frame> ready = new ArrayList<>();
        while (!pending.isEmpty() && pending.peek().timeSeconds() <= newestSeconds - maxLagSeconds) {
            Frame f = pending.poll();
            releasedSeconds = f.timeSeconds();
            ready.add(f);
        }
        return ready;
    }

    /** Releases everything still held, in time order. */
    public List<Frame> flush() {
        List<Frame> ready = new ArrayList<>();
        while (!pending.isEmpty()) {
            Frame f = pending.poll();
            releasedSeconds = f.timeSeconds();
            ready.add(f);
        }
        return ready;
    }

    /** Frames that came too late to be used. */
    public long rejected() {
        return rejected;
    }
}
