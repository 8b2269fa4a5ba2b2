package org.vigil.cot.bench;

/**
 * What a load run measured. Latency is from the moment a client hands an event to its
 * socket to the moment another client has decoded it, on the same machine's monotonic clock.
 *
 * @param sent               events sent during the run
 * @param eventsPerSecond    sent / duration
 * @param expected           deliveries owed: each sent event times (its team's size - 1)
 * @param deliveries         deliveries received
 * @param deliveriesPerSecond deliveries / duration
 * @param p50Ms              median delivery latency, milliseconds
 * @param p99Ms              99th percentile delivery latency, milliseconds
 * @param maxMs              largest delivery latency, milliseconds
 * @param lost               expected - deliveries (never negative)
 */
public record BenchResult(long sent, double eventsPerSecond, long expected, long deliveries, double deliveriesPerSecond,
                          double p50Ms, double p99Ms, double maxMs, long lost) {
}
