package org.vigil.theatre.site;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.vigil.theatre.geo.GeoPoint;

/**
 * A place that matters to the force: a city, port, power station, crossing.
 *
 * @param id          stable identifier, unique in a theatre (e.g. {@code npp-rivne})
 * @param name        human name
 * @param kind        what it is
 * @param location    WGS84 position
 * @param oblast      region (English oblast name), used by national caveats
 * @param control     who holds the ground
 * @param population  inhabitants (cities only, pre-2022 estimate)
 * @param capacityMw  installed electric capacity (power stations), megawatts
 * @param note        free text from the source
 */
public record Site(String id, String name, SiteKind kind, GeoPoint location, String oblast, Control control,
                   OptionalLong population, OptionalDouble capacityMw, String note) {

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(control, "control");
        name = name == null ? id : name;
        oblast = oblast == null ? "" : oblast;
        note = note == null ? "" : note;
    }

    public boolean isGovernmentControlled() {
        return control == Control.GOVERNMENT;
    }
}
