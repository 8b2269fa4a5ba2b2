package org.vigil.posture.model;

import java.util.OptionalDouble;

/**
 * How well a plan protects one site.
 *
 * @param site            the site
 * @param guarded         at least its guard strength is stationed on it
 * @param covered         a mechanised QRF is within the response time
 * @param guardStrength   troops stationed on the site
 * @param responseMinutes road-march minutes of the nearest mechanised unit, if any
 */
public record SiteStatus(PostureSite site, boolean guarded, boolean covered, int guardStrength,
                         OptionalDouble responseMinutes) {

    /** 1 guarded, 0.5 covered only, 0 neither: the objective's measure of protection. */
    public double protectionLevel() {
        return guarded ? 1.0 : covered ? 0.5 : 0.0;
    }
}
