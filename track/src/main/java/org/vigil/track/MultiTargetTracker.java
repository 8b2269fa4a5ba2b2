package org.vigil.track;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.vigil.track.associate.Association;
import org.vigil.track.associate.DataAssociator;
import org.vigil.track.delete.Deleter;
import org.vigil.track.gate.CellNeighbourhood;
import org.vigil.track.gate.DetectionGrid;
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
 * <h2>Local scans</h2>
 * A live picture fuses many small scans (a few reports each, from sensors that report
 * asynchronously, with a footprint that covers no track: see {@link Coverage}), over thousands
 * of tracks. Predicting every track for every such scan would cost the tracker its real time,
 * while a scan without a report near a track changes nothing about it but its prediction. With
 * {@link #localScans(double, double)} set, a scan touches only the tracks whose constant-velocity
 * position at the scan time lies within the gate's reach of one of its detections (no other
 * track can gate one), and every track is swept (predicted, confirmed or deleted) once every
 * sweep interval of frame time. An untouched track keeps its estimate at its own time;
 * prediction composes (NCV and the existence decay are exact over split intervals), so the
 * estimate it is given later is the same; only deletion waits for the track's sweep. The
 * tracks near a scan are found through a grid of the tracks' recorded positions
 * ({@code TrackGrid}), so a scan's cost grows with its reports, not with the picture.
 *
 * <p>The sweep rolls: each frame also takes the next slice of tracks (by handle), as many as
 * the frame's share of the interval, so that a live feed of frames a few milliseconds apart
 * pays for the sweep a few tracks at a time instead of stalling for all of them at once (a
 * full frame over 10,000 tracks takes about 10 ms, which a live picture shows as latency).
 * When frames are an interval or more apart, a frame sweeps every track: a full frame.
 * {@link #touched()} and {@link #removed()} say what the last frame changed.
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
    private final List<Track> touched = new ArrayList<>();
    private final List<Track> removed = new ArrayList<>();
    /** Local scans (see the class comment): the gate's reach, m, or 0 when every frame is a full one. */
    private double localReachMetres;
    private double sweepSeconds;
    /** Local scans: frame time the rolling sweep's current round began (see the class comment). */
    private double lastSweepSeconds = Double.NEGATIVE_INFINITY;
    /** Local scans: the next handle the rolling sweep takes. */
    private int sweepCursor;
    /** The handles the last frame swept: {@code sweptFrom .. sweptTo - 1} (all after a full frame). */
    private int sweptFrom, sweptTo;
    /**
     * Local scans: each track's recorded position, velocity and time, {@code [x, y, vx, vy, t]}
     * at {@code KINEMATICS * handle} (see {@link Track#handle}), in one flat array, so that
     * testing a track found near a detection reads one or two cache lines rather than a track
     * object and its state, and a deletion moves none of it.
     */
    private double[] kinematics = new double[0];
    private static final int KINEMATICS = 5;
    /**
     * Local scans: the handle of the track at each slot (its index in {@link #tracks}), and the
     * slot of each handle (-1 when free).
     */
    private int[] slotHandle = new int[0];
    private int[] handleSlot = new int[0];
    private int[] freeHandles = new int[16];
    private int freeHandleCount;
    private int handleCount;
    /**
     * Local scans: the tracks' recorded positions (by handle) by grid cell. Cells of twice the reach put a
     * detection's window in two or three cells a side: fewer table probes than cells of the
     * reach, for a few more tracks tested.
     */
    private TrackGrid trackGrid;
    /** Local scans: bounds over all records of the squared speed (m^2/s^2) and of how old a record is (its time, s). */
    private double slotMaxSpeed2, slotMinTime;
    /**
     * Local scans: the same bounds over the records written in the sweep's current round. Every
     * live track is written in a round (at its turn, or at its birth), so at the round's end
     * these bound all records, and the bounds above can tighten to them.
     */
    private double roundMaxSpeed2, roundMinTime = Double.POSITIVE_INFINITY;
    /** Local scans: per handle, the frame number that last took it ({@link #near}); the slots taken. */
    private int[] handleSeen = new int[0];
    private int[] nearSlots = new int[16];
    private int nearFrame;
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
        touched.clear();
        removed.clear();
        List<Detection> detections = frame.detections();
        boolean full = localReachMetres <= 0 || (sweepCursor == 0 && t - lastSweepSeconds >= sweepSeconds);
        int sweepTo = 0; // a local frame also sweeps the handles sweepCursor .. sweepTo - 1
        if (full) {
            lastSweepSeconds = t;
        } else {
            double share = Math.min(1, (t - lastSweepSeconds) / sweepSeconds);
            sweepTo = Math.max(sweepCursor, (int) Math.min(handleCount, Math.floor(share * handleCount)));
        }
        sweptFrom = full ? 0 : sweepCursor;
        sweptTo = full ? Integer.MAX_VALUE : sweepTo;
        List<Track> subject = full ? tracks : near(detections, t, sweepCursor, sweepTo);
        int n = subject.size();
        StateEstimate[] predicted = new StateEstimate[n];
        double[] existence = new double[n];
        forEachTrack(n, i -> {
            Track track = subject.get(i);
            predicted[i] = predictor.predict(track.state(), t);
            existence[i] = existenceModel.predict(track.existence(), t - track.state().timeSeconds());
        });
        Hypotheses hypotheses = gate.gate(java.util.Arrays.asList(predicted), detections);
        Association a = associator.associate(hypotheses, existence, detections.size(), existenceModel);
        forEachTrack(n, i -> apply(subject.get(i), predicted[i], existence[i], a, hypotheses, i, detections, frame.coverage()));
        if (!full) {
            touched.addAll(subject);
        }
        double[] taken = a.detectionWeight();
        for (int j = 0; j < detections.size(); j++) {
            if (taken[j] < maxBirthWeight) {
                Track born = new Track(nextId++, initiator.initiate(detections.get(j)), existenceModel.initial());
                if (localReachMetres > 0) {
                    born.handle = newHandle(tracks.size());
                }
                tracks.add(born);
                if (!full) {
                    touched.add(born);
                }
            }
        }
        if (full) {
            tracks.removeIf(track -> {
                track.confirmed(confirmation.confirmed(track));
                if (track.frames() > 1 && deleter.delete(track)) {
                    removed.add(track);
                    return true;
                }
                touched.add(track);
                return false;
            });
        } else {
            touched.removeIf(track -> {
                track.confirmed(confirmation.confirmed(track));
                if (track.frames() > 1 && deleter.delete(track)) {
                    removed.add(track);
                    return true;
                }
                return false;
            });
            if (!removed.isEmpty()) {
                removeLocally(); // a frame that is not full is a local one: localReachMetres > 0
            }
        }
        if (localReachMetres > 0) {
            if (full) {
                reslot();
            } else {
                slotTouched();
                sweepCursor = sweepTo;
                if (sweepCursor >= handleCount) {
                    endRound(t);
                }
            }
        }
        return true;
    }

    /**
     * The rolling sweep has taken every handle: the bounds tighten to this round's records, the
     * grid sheds the cells its tracks have left (when they outnumber the tracks), and the next
     * round begins at {@code t}.
     */
    private void endRound(double t) {
        slotMaxSpeed2 = roundMaxSpeed2;
        slotMinTime = roundMinTime;
        roundMaxSpeed2 = 0;
        roundMinTime = Double.POSITIVE_INFINITY;
        sweepCursor = 0;
        lastSweepSeconds = t;
        if (trackGrid.cells() > 2 * tracks.size() + 64) {
            trackGrid.clear(handleSlot.length);
            for (int i = 0; i < tracks.size(); i++) {
                int k = KINEMATICS * slotHandle[i];
                trackGrid.place(slotHandle[i], kinematics[k], kinematics[k + 1]);
            }
        }
    }

    /** Every track's slot and kinematics afresh, and the grid rebuilt (after a full frame). */
    private void reslot() {
        for (Track gone : removed) {
            if (gone.handle >= 0) {
                freeHandle(gone.handle);
            }
        }
        ensureSlots(tracks.size());
        trackGrid.clear(handleSlot.length);
        slotMaxSpeed2 = roundMaxSpeed2 = 0;
        slotMinTime = roundMinTime = Double.POSITIVE_INFINITY;
        sweepCursor = 0;
        for (int i = 0; i < tracks.size(); i++) {
            Track track = tracks.get(i);
            if (track.handle < 0) {
                track.handle = newHandle(i); // a track from before local scans were turned on
            }
            slotHandle[i] = track.handle;
            handleSlot[track.handle] = i;
            writeSlot(track);
        }
    }

    /**
     * Deletes the tracks of {@link #removed} after a local frame: one pass that closes the gaps
     * in the list, in its order, renumbering the slots of the tracks behind them through their
     * handles (so no track object is visited), and takes the deleted tracks off the grid. A
     * deletion then costs a sequential pass over the list and two int arrays, not a rebuild of
     * every track's record and cell.
     */
    private void removeLocally() {
        for (Track gone : removed) {
            trackGrid.remove(gone.handle);
            handleSlot[gone.handle] = -1;
        }
        int n = tracks.size(), kept = 0;
        for (int r = 0; r < n; r++) {
            int h = slotHandle[r];
            if (handleSlot[h] < 0) {
                continue;
            }
            if (kept != r) {
                tracks.set(kept, tracks.get(r));
                slotHandle[kept] = h;
                handleSlot[h] = kept;
            }
            kept++;
        }
        tracks.subList(kept, n).clear();
        for (Track gone : removed) {
            freeHandle(gone.handle);
        }
    }

    /** The kinematics of the tracks a local frame touched. */
    private void slotTouched() {
        for (Track track : touched) {
            writeSlot(track);
        }
    }

    /** A free handle for the track at {@code slot}. */
    private int newHandle(int slot) {
        int h;
        if (freeHandleCount > 0) {
            h = freeHandles[--freeHandleCount];
        } else {
            h = handleCount++;
            if (h == handleSlot.length) {
                int capacity = Math.max(16, 2 * h);
                handleSlot = java.util.Arrays.copyOf(handleSlot, capacity);
                handleSeen = java.util.Arrays.copyOf(handleSeen, capacity);
                kinematics = java.util.Arrays.copyOf(kinematics, KINEMATICS * capacity);
            }
        }
        handleSlot[h] = slot;
        ensureSlots(slot + 1);
        slotHandle[slot] = h;
        return h;
    }

    private void freeHandle(int h) {
        handleSlot[h] = -1;
        if (freeHandleCount == freeHandles.length) {
            freeHandles = java.util.Arrays.copyOf(freeHandles, 2 * freeHandleCount);
        }
        freeHandles[freeHandleCount++] = h;
    }

    private void writeSlot(Track track) {
        GaussianState g = track.state().gaussian();
        int k = KINEMATICS * track.handle;
        double vx = g.vxMetresPerSecond(), vy = g.vyMetresPerSecond(), time = g.timeSeconds();
        kinematics[k] = g.xMetres();
        kinematics[k + 1] = g.yMetres();
        kinematics[k + 2] = vx;
        kinematics[k + 3] = vy;
        kinematics[k + 4] = time;
        trackGrid.place(track.handle, g.xMetres(), g.yMetres());
        // NaN-safe: a NaN speed or time makes the bounds NaN, and near() then scans every track
        double speed2 = vx * vx + vy * vy;
        slotMaxSpeed2 = speed2 > slotMaxSpeed2 || Double.isNaN(speed2) ? speed2 : slotMaxSpeed2;
        slotMinTime = time < slotMinTime || Double.isNaN(time) ? time : slotMinTime;
        roundMaxSpeed2 = speed2 > roundMaxSpeed2 || Double.isNaN(speed2) ? speed2 : roundMaxSpeed2;
        roundMinTime = time < roundMinTime || Double.isNaN(time) ? time : roundMinTime;
    }

    private void ensureSlots(int n) {
        if (slotHandle.length < n) {
            slotHandle = java.util.Arrays.copyOf(slotHandle, Math.max(n, slotHandle.length * 2));
        }
    }

    /**
     * The tracks a local scan must look at, in list order: those whose constant-velocity position
     * at {@code t} is within the gate's reach of a detection (the gate never looks farther), and
     * those with handles {@code sweepFrom .. sweepTo - 1} (the rolling sweep's slice).
     *
     * <p>Found through {@link TrackGrid}: a track's recorded position is at most its speed times
     * the age of the record from its position at {@code t}, so every track within reach of a
     * detection is recorded within {@code reach + maxSpeed * maxAge} of it, in the cells that
     * window covers. Each track found there is tested exactly as {@link #nearByScan} tests it,
     * so the two give the same tracks; the scan of every track remains for the rare frame whose
     * windows would cover more cells than there are tracks (a track with a diverged speed).
     */
    private List<Track> near(List<Detection> detections, double t, int sweepFrom, int sweepTo) {
        if (tracks.isEmpty()) {
            return new ArrayList<>();
        }
        double window = localReachMetres + Math.sqrt(slotMaxSpeed2) * Math.max(0, t - slotMinTime) + 1; // 1 m for rounding
        double cellsPerWindow = Math.ceil(2 * window / trackGrid.cellMetres()) + 1; // a side; 2 or 3 normally
        if (!(cellsPerWindow <= 16 || cellsPerWindow * cellsPerWindow * detections.size() <= tracks.size())) {
            return nearByScan(detections, t, sweepFrom, sweepTo); // a track with a diverged speed: fewer tests than table probes
        }
        if (++nearFrame == Integer.MAX_VALUE) {
            java.util.Arrays.fill(handleSeen, 0);
            nearFrame = 1;
        }
        double reach2 = localReachMetres * localReachMetres;
        int found = 0;
        for (int h = sweepFrom; h < sweepTo; h++) {
            if (handleSlot[h] >= 0) {
                handleSeen[h] = nearFrame;
                if (found == nearSlots.length) {
                    nearSlots = java.util.Arrays.copyOf(nearSlots, 2 * found);
                }
                nearSlots[found++] = handleSlot[h];
            }
        }
        for (Detection d : detections) {
            double dx0 = d.xMetres(), dy0 = d.yMetres();
            long cx0 = trackGrid.cell(dx0 - window), cx1 = trackGrid.cell(dx0 + window);
            long cy0 = trackGrid.cell(dy0 - window), cy1 = trackGrid.cell(dy0 + window);
            for (long cx = cx0; cx <= cx1; cx++) {
                for (long cy = cy0; cy <= cy1; cy++) {
                    for (int h = trackGrid.first(cx, cy); h >= 0; h = trackGrid.next(h)) {
                        if (handleSeen[h] == nearFrame) {
                            continue;
                        }
                        int k = KINEMATICS * h;
                        double dt = t - kinematics[k + 4];
                        double x = kinematics[k] + kinematics[k + 2] * dt, y = kinematics[k + 1] + kinematics[k + 3] * dt;
                        double dx = dx0 - x, dy = dy0 - y;
                        if (dx * dx + dy * dy <= reach2) {
                            handleSeen[h] = nearFrame;
                            if (found == nearSlots.length) {
                                nearSlots = java.util.Arrays.copyOf(nearSlots, 2 * found);
                            }
                            nearSlots[found++] = handleSlot[h];
                        }
                    }
                }
            }
        }
        java.util.Arrays.sort(nearSlots, 0, found);
        List<Track> out = new ArrayList<>(found);
        for (int k = 0; k < found; k++) {
            out.add(tracks.get(nearSlots[k]));
        }
        return out;
    }

    /** {@link #near} by testing every track (one hash probe each for most). */
    private List<Track> nearByScan(List<Detection> detections, double t, int sweepFrom, int sweepTo) {
        List<Track> out = new ArrayList<>();
        CellNeighbourhood cells = new CellNeighbourhood(detections, localReachMetres);
        DetectionGrid grid = new DetectionGrid(detections, localReachMetres);
        double reach2 = localReachMetres * localReachMetres;
        for (int i = 0, n = tracks.size(); i < n; i++) {
            int h = slotHandle[i];
            int k = KINEMATICS * h;
            double dt = t - kinematics[k + 4];
            double x = kinematics[k] + kinematics[k + 2] * dt, y = kinematics[k + 1] + kinematics[k + 3] * dt;
            if ((h >= sweepFrom && h < sweepTo)
                    || (cells.contains(x, y) && grid.anyWithin(detections, x, y, reach2, localReachMetres))) {
                out.add(tracks.get(i));
            }
        }
        return out;
    }

    /**
     * Turns on local scans (see the class comment): a frame touches only the tracks within
     * {@code reachMetres} (at least the gate's largest radius) of one of its detections, plus its
     * share of the rolling sweep, which reaches every track once every {@code sweepSeconds} of
     * frame time. Only for frames whose coverage misses no track it has no detection near (pd
     * zero away from the detections).
     */
    public MultiTargetTracker localScans(double reachMetres, double sweepSeconds) {
        return localScans(reachMetres, sweepSeconds, 2 * reachMetres);
    }

    /**
     * {@link #localScans(double, double)} with the side of {@link TrackGrid}'s cells, m (tests
     * use cells much smaller than the reach, so that the search window, not the cell, bounds
     * what is found).
     */
    MultiTargetTracker localScans(double reachMetres, double sweepSeconds, double gridCellMetres) {
        if (!(reachMetres > 0) || !(sweepSeconds > 0)) {
            throw new IllegalArgumentException("local scans need a positive reach and sweep interval");
        }
        this.localReachMetres = reachMetres;
        this.sweepSeconds = sweepSeconds;
        this.trackGrid = new TrackGrid(gridCellMetres);
        this.lastSweepSeconds = Double.NEGATIVE_INFINITY; // the next frame is a full one: it fills the slots
        return this;
    }

    /** The live tracks the last frame predicted, updated or started (all live tracks after a full frame). */
    public List<Track> touched() {
        return Collections.unmodifiableList(touched);
    }

    /** Whether the last frame swept {@code track} (tests: a track swept is touched though no report is near it). */
    boolean sweptLast(Track track) {
        return localReachMetres <= 0 || (track.handle >= sweptFrom && track.handle < sweptTo);
    }

    /** The tracks the last frame deleted, with their last state. */
    public List<Track> removed() {
        return Collections.unmodifiableList(removed);
    }

    private void apply(Track track, StateEstimate predicted, double existence, Association a, Hypotheses hypotheses,
                       int i, List<Detection> detections, Coverage coverage) {
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
            int j = a.detection()[from];
            Detection d = detections.get(j);
            double lr = existenceModel.likelihoodRatio(logDensity(hypotheses, i, j, predicted, d));
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

    /**
     * The log density of detection {@code j} for track {@code i}: the gate's, which it computed
     * from the same prediction and detection (so the same value), else afresh.
     */
    private double logDensity(Hypotheses hypotheses, int i, int j, StateEstimate predicted, Detection d) {
        for (int e = hypotheses.start()[i], end = hypotheses.start()[i + 1]; e < end; e++) {
            if (hypotheses.detection()[e] == j) {
                return hypotheses.logDensity()[e];
            }
        }
        return updater.innovation(predicted, d).logDensity();
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
