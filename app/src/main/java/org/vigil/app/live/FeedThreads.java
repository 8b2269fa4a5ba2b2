package org.vigil.app.live;

import java.util.concurrent.TimeUnit;

/** What the real-time feeds (simulator, scripted incursion) share: pacing to the wall clock, and stopping. */
final class FeedThreads {

    private FeedThreads() {
    }

    /** Sleeps until {@link System#nanoTime()} reaches {@code nanoTime}; sleep may wake early, so loop. */
    static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Interrupts the feed's thread and waits up to 5 s for it to end (its loop also checks a stop flag). */
    static void stop(Thread thread) {
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
