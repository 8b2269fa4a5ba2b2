package org.vigil.sim.truth;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A convoy: a lead vehicle and followers that drive exactly the leader's path, each a fixed
 * distance (metres of path) behind it. The followers are {@link Mover}s of their own; the
 * convoy records the leader's path and places them by arc length (linear between samples).
 */
public final class Convoy {

    private final Mover leader;
    private final double[] offsetsMetres;
    private final List<double[]> path = new ArrayList<>(); // {x, y, s}
    private final List<Mover> vehicles = new ArrayList<>();

    /**
     * @param leader        the lead vehicle
     * @param offsetsMetres path distance of each vehicle behind the leader, m, ascending, the first 0
     */
    public Convoy(Mover leader, double[] offsetsMetres) {
        this.leader = leader;
        this.offsetsMetres = offsetsMetres.clone();
        path.add(new double[] {leader.xMetres(), leader.yMetres(), 0});
        for (double off : this.offsetsMetres) {
            vehicles.add(new Follower(off));
        }
    }

    /** The vehicles, leader first. */
    public List<Mover> vehicles() {
        return vehicles;
    }

    /** Advances the whole convoy. */
    public void step(double dtSeconds, RandomGenerator rng) {
        leader.step(dtSeconds, rng);
        double[] last = path.get(path.size() - 1);
        double s = last[2] + Math.hypot(leader.xMetres() - last[0], leader.yMetres() - last[1]);
        path.add(new double[] {leader.xMetres(), leader.yMetres(), s});
    }

    /** Length of the recorded path, m. */
    public double pathLengthMetres() {
        return path.get(path.size() - 1)[2];
    }

    private double[] at(double s) {
        if (s <= 0) {
            return path.get(0);
        }
        int lo = 0, hi = path.size() - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (path.get(mid)[2] <= s) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double[] a = path.get(lo), b = path.get(hi);
        double f = b[2] > a[2] ? Math.min(1, (s - a[2]) / (b[2] - a[2])) : 0;
        return new double[] {a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])};
    }

    /** A vehicle at a fixed path distance behind the leader. */
    private final class Follower implements Mover {
        private final double offset;

        Follower(double offset) {
            this.offset = offset;
        }

        @Override
        public void step(double dtSeconds, RandomGenerator rng) {
            // moved by the convoy
        }

        @Override
        public double xMetres() {
            return offset == 0 ? leader.xMetres() : at(pathLengthMetres() - offset)[0];
        }

        @Override
        public double yMetres() {
            return offset == 0 ? leader.yMetres() : at(pathLengthMetres() - offset)[1];
        }

        @Override
        public double vxMetresPerSecond() {
            return leader.vxMetresPerSecond();
        }

        @Override
        public double vyMetresPerSecond() {
            return leader.vyMetresPerSecond();
        }
    }
}
