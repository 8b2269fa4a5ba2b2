package org.vigil.track;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.vigil.track.associate.Association;
import org.vigil.track.associate.DataAssociator;
import org.vigil.track.delete.Deleter;
import org.vigil.track.gate.Gate;
import org.vigil.track.gate.Hypotheses;
import org.vigil.track.initiate.ConfirmationRule;
import org.vigil.track.initiate.Initiator;
import org.vigil.track.model.Coverage;
import org.vigil.track.model.Detection;
import org.vigil.track.model.ExistenceModel;
import org.vigil.track.model.Frame;
import org.vigil.track.model.GaussianState;
import org.vigil.track.model.StateEstimate;
import org.vigil.track.predict.Predictor;
import org.vigil.track.update.Updater;

/**
 * A multi-target tracker assembled from swappable components, one frame (one sensor's scan) at
 * a time:
 * <ol>
 *   <li>predict every track to the frame time ({@link Predictor}) and its existence
 *       ({@link ExistenceModel});</li>
 *   <li>gate detections against the predicted tracks ({@link Gate});</li>
 *   <li>associate ({@link DataAssociator});</li>
 *   <li>update each track with its detection(s) or as missed ({@link Updater}), and its
 *       existence; a track outside the frame's {@link Coverage} is neither (the sensor could not
 *       see it), and a covered one is missed with the coverage's detection probability there;</li>
 *   <li>start a tentative track at each detection no track took, i.e. whose association weight
 *       is below {@code maxBirthWeight} ({@link Initiator});</li>
 *   <li>confirm ({@link ConfirmationRule}) and delete ({@link Deleter}); a track born in this
 *       frame is kept for at least one more frame, so it gets the chance of a second detection.</li>
 * </ol>
 * Several sensors are fused by feeding their frames in time order: each frame is a sequential
 * update. <b>Out-of-sequence frames</b> (older than the last frame processed) are rejected and
 * counted, never applied out of order; put a {@link FrameBuffer} in front to reorder reports
 * that arrive late by up to a fixed lag.
 *
 * <p>Not thread-safe: one thread feeds it. With {@code parallel} set, the per-track steps
 * (prediction, update) of large frames run on the common fork-join pool.
 */
public final class MultiTargetTracker {

    /** Frames with fewer tracks than this run on one thread even when parallel. */
    private static final int PARALLEL_MIN_TRACKS = 4096;

    private final Predictor predictor;
    private final Updater updater;
    private final Gate gate;
    private final DataAssociator associator;
    private final Initiator initiator;
    private final ConfirmationRule confirmation;
    private final Deleter deleter;
    private final ExistenceModel existenceModel;
    private final boolean parallel;
    private final double maxBirthWeight;

    private final List<Track> tracks = new ArrayList<>();
    private long nextId = 1;
    private double timeSeconds = Double.NEGATIVE_INFINITY;
    private long rejectedFrames;

    /**
     * @param predictor      time update
     * @param updater        measurement update (also the gate's and associator's likelihood)
     * @param gate           which detections each track may take
     * @param associator     which detection each track takes
     * @param initiator      first estimate of a new track
     * @param confirmation   which tracks are reported
     * @param deleter        which tracks are dropped
     * @param existenceModel detection probability, clutter and birth densities, death rate
     * @param parallel       whether large frames use several threads
     * @param maxBirthWeight a detection starts a new track only when its total association weight
     *                       (over all tracks) is below this: 0.5 for hard (GNN) association, lower
     *                       for soft (JPDA) association, whose detections near a track share
     *                       their weight and would otherwise start duplicates of that track
     */
    public MultiTargetTracker(Predictor predictor, Updater updater, Gate gate, DataAssociator associator,
                              Initiator initiator, ConfirmationRule confirmation, Deleter deleter,
                              ExistenceModel existenceModel, boolean parallel, double maxBirthWeight) {
        this.predictor = predictor;
        this.updater = updater;
        this.gate = gate;
        this.associator = associator;
        this.initiator = initiator;
        this.confirmation = confirmation;
        this.deleter = deleter;
        this.existenceModel = existenceModel;
        this.parallel = parallel;
        this.maxBirthWeight = maxBirthWeight;
    }

    /** The same with births from detections of association weight below 1/2. */
    public MultiTargetTracker(Predictor predictor, Updater updater, Gate gate, DataAssociator associator,
                              Initiator initiator, ConfirmationRule confirmation, Deleter deleter,
                              ExistenceModel existenceModel, boolean parallel) {
        this(predictor, updater, gate, associator, initiator, confirmation, deleter, existenceModel, parallel, 0.5);
    }

    /**
     * Processes one frame. Returns false, and changes nothing, when the frame is older than the
     * last one processed (an out-of-sequence report).
     */
    public boolean process(Frame frame) {
        double t = frame.timeSeconds();
        if (t < timeSeconds) {
            rejectedFrames++;
            return false;
        }
        timeSeconds = t;
        List<Detection> detections = frame.detections();
        int n = tracks.size();
        StateEstimate[] predicted = new StateEstimate[n];
        double[] existence = new double[n];
        forEachTrack(n, i -> {
            Track track = tracks.get(i);
            predicted[i] = predictor.predict(track.state(), t);
            existence[i] = existenceModel.predict(track.existence(), t - track.state().timeSeconds());
        });
        Hypotheses hypotheses = gate.gate(java.util.Arrays.asList(predicted), detections);
        Association a = associator.associate(hypotheses, existence, detections.size(), existenceModel);
        forEachTrack(n, i -> apply(tracks.get(i), predicted[i], existence[i], a, i, detections, frame.coverage()));
        double[] taken = a.detectionWeight();
        for (int j = 0; j < detections.size(); j++) {
            if (taken[j] < maxBirthWeight) {
                tracks.add(new Track(nextId++, initiator.initiate(detections.get(j)), existenceModel.initial()));
            }
        }
        tracks.removeIf(track -> {
            track.confirmed(confirmation.confirmed(track));
            return track.frames() > 1 && deleter.delete(track);
        });
        return true;
    }

    private void apply(Track track, StateEstimate predicted, double existence, Association a, int i,
                       List<Detection> detections, Coverage coverage) {
        int from = a.start()[i], to = a.start()[i + 1];
        track.predicted(predicted, existence);
        if (from == to) {
            if (coverage == null) {
                track.missed(existenceModel.missed(existence));
            } else {
                GaussianState g = predicted.gaussian();
                double pd = coverage.detectionProbability(g.xMetres(), g.yMetres());
                if (pd > 0) {
                    track.missed(existenceModel.missed(existence, pd));
                }
                // outside the footprint: not seen, not missed
            }
            return;
        }
        if (to - from == 1 && a.weight()[from] == 1.0) {
            Detection d = detections.get(a.detection()[from]);
            double lr = existenceModel.likelihoodRatio(updater.innovation(predicted, d).logDensity());
            track.updated(updater.update(predicted, d), existenceModel.detected(existence, lr), d);
            return;
        }
        // Probabilistic data association: a mixture over the detections and "missed". The
        // existence follows joint integrated PDA: the track exists if some detection is its own
        // (probability 1 - beta_0), or, when missed, with the missed-scan posterior, so
        // r' = (1 - beta_0) + beta_0 r (1 - pd) / (1 - r pd). Two tracks on one target share its
        // detection and both lose existence until one is dropped; with one track and one
        // detection this equals the single-detection Bernoulli update.
        Detection[] ds = new Detection[to - from];
        double[] w = new double[to - from];
        for (int e = from; e < to; e++) {
            ds[e - from] = detections.get(a.detection()[e]);
            w[e - from] = a.weight()[e];
        }
        double beta0 = a.missWeight()[i];
        double r = Math.min(1.0, (1 - beta0) + beta0 * existenceModel.missed(existence));
        StateEstimate posterior = updater.updateMixture(predicted, ds, w, a.missWeight()[i]);
        if (a.missWeight()[i] >= 0.5) {
            track.predicted(posterior, r);
            track.missed(r);
        } else {
            track.updated(posterior, r);
        }
    }

    private void forEachTrack(int n, java.util.function.IntConsumer body) {
        if (parallel && n >= PARALLEL_MIN_TRACKS) {
            IntStream.range(0, n).parallel().forEach(body);
        } else {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
        }
    }

    /** All live tracks, tentative and confirmed. */
    public List<Track> tracks() {
        return Collections.unmodifiableList(tracks);
    }

    /** The confirmed tracks, as of the last frame. */
    public List<Track> confirmedTracks() {
        List<Track> out = new ArrayList<>();
        for (Track t : tracks) {
            if (t.confirmed()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Time of the last frame processed, s. */
    public double timeSeconds() {
        return timeSeconds;
    }

    /** Frames rejected because they were older than the last frame processed. */
    public long rejectedFrames() {
        return rejectedFrames;
    }
}
