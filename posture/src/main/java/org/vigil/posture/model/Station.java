package org.vigil.posture.model;

/** A unit stationed at a site. */
public record Station(Unit unit, String siteId) {
}
