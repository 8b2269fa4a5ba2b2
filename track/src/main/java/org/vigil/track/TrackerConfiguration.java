package org.vigil.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.track.associate.DataAssociator;
import org.vigil.track.associate.GlobalNearestNeighbour;
import org.vigil.track.associate.JointProbabilisticDataAssociation;
import org.vigil.track.delete.AnyDeleter;
import org.vigil.track.delete.CovarianceDeleter;
import org.vigil.track.delete.Deleter;
import org.vigil.track.delete.ExistenceDeleter;
import org.vigil.track.delete.RegionDeleter;
import org.vigil.track.gate.MahalanobisGate;
import org.vigil.track.initiate.ExistenceConfirmation;
import org.vigil.track.initiate.SinglePointInitiator;
import org.vigil.track.io.Scenario;
import org.vigil.track.model.ExistenceModel;
import org.vigil.track.model.NearlyConstantVelocity;
import org.vigil.track.model.Region;
import org.vigil.track.model.CoordinatedTurn;
import org.vigil.track.predict.ImmPredictor;
import org.vigil.track.predict.KalmanPredictor;
import org.vigil.track.predict.Predictor;
import org.vigil.track.update.ExtendedKalmanUpdater;
import org.vigil.track.update.ImmUpdater;
import org.vigil.track.update.Updater;

/**
 * The parameters of the standard ground-vehicle tracker and the wiring of its components:
 * NCV Kalman filter or an IMM of NCV and coordinated turns (EKF when reports carry range-rate), chi-square gate over a grid, GNN or
 * JPDA association, Bernoulli existence for confirmation (report while existence >= 1/2) and
 * deletion (existence, covariance growth, leaving the region).
 *
 * @param qMetres2PerSecond3              NCV acceleration noise spectral density, m^2/s^3
 * @param detectionProbability            sensor detection probability
 * @param clutterDensityPerSquareMetre    false detections per m^2 per frame
 * @param birthDensityPerSquareMetre      new targets per m^2 per frame
 * @param deathRatePerSecond              target death hazard, 1/s
 * @param velocitySigmaMetresPerSecond    prior velocity std of a new track, per axis, m/s
 * @param gateProbability                 chi-square gate probability
 * @param maxGateRadiusMetres             largest gate search radius, m
 * @param confirmExistence                existence at which a track is reported
 * @param deleteExistence                 existence below which a track is dropped
 * @param maxPositionSigmaMetres          position std above which a track is dropped, m
 * @param region                          surveillance region (tracks leaving it are dropped), if known
 * @param associator                      "gnn" or "jpda"
 * @param parallel                        whether large frames use several threads
 * @param motion                          "ncv" (one NCV Kalman filter) or "imm" (IMM of NCV and
 *                                        coordinated turns of +-{@value #IMM_TURN_RATE_DEG_PER_SECOND} deg/s)
 */
public record TrackerConfiguration(double qMetres2PerSecond3, double detectionProbability,
                                   double clutterDensityPerSquareMetre, double birthDensityPerSquareMetre,
                                   double deathRatePerSecond, double velocitySigmaMetresPerSecond,
                                   double gateProbability, double maxGateRadiusMetres,
                                   double confirmExistence, double deleteExistence, double maxPositionSigmaMetres,
                                   Optional<Region> region, String associator, boolean parallel, String motion) {

    /**
     * Under JPDA a detection starts a track only when existing tracks hold less than this share
     * of it (under GNN: when no track took it); a higher share lets each detection of a tracked
     * target that is split between neighbouring tracks start a duplicate.
     */
    public static final double JPDA_MAX_BIRTH_WEIGHT = 0.2;

    /** Turn rate of the IMM's coordinated-turn modes, deg/s. */
    public static final double IMM_TURN_RATE_DEG_PER_SECOND = 4;
    /** Mean time in an IMM mode, s (legs of 30-180 s, turns of 5-20 s). */
    private static final double IMM_STRAIGHT_SOJOURN_SECONDS = 60;
    private static final double IMM_TURN_SOJOURN_SECONDS = 12;

    /** The same with the single NCV model. */
    public TrackerConfiguration(double qMetres2PerSecond3, double detectionProbability,
                                double clutterDensityPerSquareMetre, double birthDensityPerSquareMetre,
                                double deathRatePerSecond, double velocitySigmaMetresPerSecond,
                                double gateProbability, double maxGateRadiusMetres,
                                double confirmExistence, double deleteExistence, double maxPositionSigmaMetres,
                                Optional<Region> region, String associator, boolean parallel) {
        this(qMetres2PerSecond3, detectionProbability, clutterDensityPerSquareMetre, birthDensityPerSquareMetre,
                deathRatePerSecond, velocitySigmaMetresPerSecond, gateProbability, maxGateRadiusMetres, confirmExistence,
                deleteExistence, maxPositionSigmaMetres, region, associator, parallel, "ncv");
    }

    /** Defaults for manoeuvring ground vehicles seen by a 10-25 m sensor at 1 Hz (q = 0.5 m^2/s^3 follows turns of a few degrees per second). */
    public static TrackerConfiguration defaults() {
        return new TrackerConfiguration(0.5, 0.9, 1e-8, 1e-10, 0.005, 15, 0.9999, 1000,
                0.5, 0.01, 500, Optional.empty(), "gnn", true, "ncv");
    }

    /**
     * Defaults with the sensor and motion parameters that a scenario header states: {@code q},
     * {@code pd}, {@code clutter_rate} (spread over {@code region} and the sensors of a scan) and
     * {@code region}.
     */
    public static TrackerConfiguration forScenario(Scenario s) {
        TrackerConfiguration c = defaults();
        double q = s.number("q").orElse(c.qMetres2PerSecond3);
        double pd = Math.min(0.999, Math.max(0.01, s.number("pd").orElse(c.detectionProbability)));
        Optional<Region> region = s.region();
        double clutter = c.clutterDensityPerSquareMetre;
        if (region.isPresent() && s.number("clutter_rate").isPresent()) {
            clutter = s.number("clutter_rate").get() / region.get().areaSquareMetres();
        }
        return new TrackerConfiguration(q, pd, clutter, c.birthDensityPerSquareMetre, c.deathRatePerSecond,
                c.velocitySigmaMetresPerSecond, c.gateProbability, c.maxGateRadiusMetres, c.confirmExistence,
                c.deleteExistence, c.maxPositionSigmaMetres, region, c.associator, c.parallel, c.motion);
    }

    /** The same with another associator, "gnn" or "jpda". */
    public TrackerConfiguration withAssociator(String name) {
        return new TrackerConfiguration(qMetres2PerSecond3, detectionProbability, clutterDensityPerSquareMetre,
                birthDensityPerSquareMetre, deathRatePerSecond, velocitySigmaMetresPerSecond, gateProbability,
                maxGateRadiusMetres, confirmExistence, deleteExistence, maxPositionSigmaMetres, region, name, parallel, motion);
    }

    /** The same with another NCV acceleration noise spectral density, m^2/s^3. */
    public TrackerConfiguration withQ(double newQMetres2PerSecond3) {
        return new TrackerConfiguration(newQMetres2PerSecond3, detectionProbability, clutterDensityPerSquareMetre,
                birthDensityPerSquareMetre, deathRatePerSecond, velocitySigmaMetresPerSecond, gateProbability,
                maxGateRadiusMetres, confirmExistence, deleteExistence, maxPositionSigmaMetres, region, associator, parallel, motion);
    }

    /** The same, single-threaded or not. */
    public TrackerConfiguration withParallel(boolean value) {
        return new TrackerConfiguration(qMetres2PerSecond3, detectionProbability, clutterDensityPerSquareMetre,
                birthDensityPerSquareMetre, deathRatePerSecond, velocitySigmaMetresPerSecond, gateProbability,
                maxGateRadiusMetres, confirmExistence, deleteExistence, maxPositionSigmaMetres, region, associator, value, motion);
    }

    /** The same with another motion model, "ncv" or "imm". */
    public TrackerConfiguration withMotion(String name) {
        return new TrackerConfiguration(qMetres2PerSecond3, detectionProbability, clutterDensityPerSquareMetre,
                birthDensityPerSquareMetre, deathRatePerSecond, velocitySigmaMetresPerSecond, gateProbability,
                maxGateRadiusMetres, confirmExistence, deleteExistence, maxPositionSigmaMetres, region, associator, parallel, name);
    }

    /**
     * Existence below which a track is dropped: {@code deleteExistence}, or, where clutter is so
     * dense that a new track starts below that ({@code initial = birth / (birth + clutter)}),
     * {@value #TENTATIVE_DELETE_FRACTION} of the initial existence. Without the second bound,
     * every new track in dense clutter would be dropped at its second scan unless its second
     * detection alone lifted it tenfold, so no track would ever be confirmed; with it, a
     * tentative track survives one miss (a miss multiplies small odds by {@code 1 - pd}).
     */
    public double deletionExistence() {
        return Math.min(deleteExistence, TENTATIVE_DELETE_FRACTION * existenceModel().initial());
    }

    /** See {@link #deletionExistence()}. */
    public static final double TENTATIVE_DELETE_FRACTION = 0.1;

    /** The existence model these parameters define. */
    public ExistenceModel existenceModel() {
        return new ExistenceModel(detectionProbability, clutterDensityPerSquareMetre, birthDensityPerSquareMetre,
                deathRatePerSecond);
    }

    /**
     * A new tracker for a live picture of asynchronous reports (see {@link MultiTargetTracker}'s
     * local scans): each frame touches the tracks within the gate's largest radius of its
     * detections, and every track is predicted, confirmed and deleted once per {@code sweepSeconds}.
     * The local test extrapolates at constant velocity, exact for NCV; the IMM's turns get a margin.
     */
    public MultiTargetTracker buildLocal(double sweepSeconds) {
        double margin = motion.equals("ncv") ? 1.0 : 1.5;
        return build().localScans(maxGateRadiusMetres * margin, sweepSeconds);
    }

    /** A new tracker wired from these parameters. */
    public MultiTargetTracker build() {
        Predictor predictor;
        Updater updater;
        switch (motion) {
            case "ncv" -> {
                predictor = new KalmanPredictor(new NearlyConstantVelocity(qMetres2PerSecond3));
                updater = new ExtendedKalmanUpdater();
            }
            case "imm" -> {
                double w = Math.toRadians(IMM_TURN_RATE_DEG_PER_SECOND);
                predictor = new ImmPredictor(List.of(new NearlyConstantVelocity(qMetres2PerSecond3),
                        new CoordinatedTurn(w, qMetres2PerSecond3), new CoordinatedTurn(-w, qMetres2PerSecond3)),
                        new double[] {IMM_STRAIGHT_SOJOURN_SECONDS, IMM_TURN_SOJOURN_SECONDS, IMM_TURN_SOJOURN_SECONDS},
                        new double[] {0.8, 0.1, 0.1});
                updater = new ImmUpdater(new ExtendedKalmanUpdater());
            }
            default -> throw new IllegalArgumentException("unknown motion model '" + motion + "' (ncv or imm)");
        }
        DataAssociator a = switch (associator) {
            case "gnn" -> new GlobalNearestNeighbour();
            case "jpda" -> new JointProbabilisticDataAssociation();
            default -> throw new IllegalArgumentException("unknown associator '" + associator + "' (gnn or jpda)");
        };
        List<Deleter> deleters = new ArrayList<>();
        deleters.add(new ExistenceDeleter(deletionExistence()));
        deleters.add(new CovarianceDeleter(maxPositionSigmaMetres));
        region.ifPresent(r -> deleters.add(new RegionDeleter(r)));
        return new MultiTargetTracker(
                predictor,
                updater,
                new MahalanobisGate(updater, gateProbability, maxGateRadiusMetres, 250),
                a,
                new SinglePointInitiator(velocitySigmaMetresPerSecond),
                new ExistenceConfirmation(confirmExistence),
                new AnyDeleter(deleters),
                existenceModel(),
                parallel,
                associator.equals("jpda") ? JPDA_MAX_BIRTH_WEIGHT : 0.5);
    }
}
