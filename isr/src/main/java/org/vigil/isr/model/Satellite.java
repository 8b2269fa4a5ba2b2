package org.vigil.isr.model;

import org.vigil.isr.orbit.TleEntry;

/**
 * An imaging satellite: its elements and its sensor.
 *
 * @param swathMetres     width of the strip imaged at nadir
 * @param maxOffNadirDeg  largest usable look angle from nadir; 0 = nadir only, not tasked
 *                        (it images its swath systematically)
 * @param tasksPerPass    how many areas one pass over the theatre can be tasked to image
 */
public record Satellite(TleEntry tle, String name, SensorType sensor, double swathMetres, double maxOffNadirDeg,
                        int tasksPerPass) {

    public int satnum() {
        return tle.satnum();
    }

    public String assetId() {
        return "sat-" + satnum();
    }

    public boolean tasked() {
        return maxOffNadirDeg > 0;
    }
}
