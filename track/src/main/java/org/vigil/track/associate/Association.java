package org.vigil.track.associate;

/**
 * The outcome of data association for one frame. For each track {@code i}, entries
 * {@code start[i] .. start[i+1]-1} give the detections it is updated with and their weights
 * (one entry of weight 1 for a hard association), and {@code missWeight[i]} the weight of "the
 * track was not detected"; the weights of a track sum to 1. {@code detectionWeight[j]} is the
 * probability that detection {@code j} came from some existing track; the rest may start a track.
 *
 * @param start           row starts, length tracks + 1
 * @param detection       detection index of each entry
 * @param weight          weight of each entry
 * @param missWeight      per track, the weight of the missed-detection hypothesis
 * @param detectionWeight per detection, the probability that it belongs to an existing track
 */
public record Association(int[] start, int[] detection, double[] weight, double[] missWeight, double[] detectionWeight) {
}
