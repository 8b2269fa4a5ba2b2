package org.vigil.isr.model;

import org.vigil.theatre.geo.GeoPoint;

/** An airfield assets fly from. */
public record Base(String name, GeoPoint location) {
}
