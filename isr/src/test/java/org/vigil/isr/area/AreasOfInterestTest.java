package org.vigil.isr.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.isr.io.AssetsReader;
import org.vigil.isr.model.Area;
import org.vigil.isr.model.AreaKind;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.geo.Geodesy;
import org.vigil.theatre.io.TheatreLoader;

/** The areas cut from the bundled theatre: segment lengths, which border is which, NPPs first. */
class AreasOfInterestTest {

    static final Theatre UKRAINE = TheatreLoader.bundledUkraine();

    @Test
    void segmentsAreTwentyFiveKilometresAlongTheLine() {
        List<Area> areas = AreasOfInterest.build(UKRAINE, AssetsReader.bundledDefault());
        List<Area> cl = areas.stream().filter(a -> a.kind() == AreaKind.CONTACT_LINE).toList();
        double total = AreasOfInterest.length(UKRAINE.contactLine());
        assertThat(cl).hasSize((int) Math.round(total / 25_000));
        for (Area a : cl.subList(0, cl.size() - 1)) {
            assertThat(AreasOfInterest.length(a.shape())).isCloseTo(25_000, org.assertj.core.data.Offset.offset(1.0));
        }
        assertThat(cl.stream().mapToDouble(a -> AreasOfInterest.length(a.shape())).sum())
                .isCloseTo(total, org.assertj.core.data.Offset.offset(1.0));
        assertThat(areas.get(0).id()).startsWith("npp-");
        assertThat(areas.get(0).continuous()).isTrue();
    }

    @Test
    void bordersFollowTheRightNeighbourAndSkipOccupiedGround() {
        List<Area> areas = AreasOfInterest.build(UKRAINE, AssetsReader.bundledDefault());
        for (Area a : areas) {
            if (a.kind() == AreaKind.NORTHERN_BORDER || a.kind() == AreaKind.EASTERN_BORDER) {
                for (var p : a.lookPoints()) {
                    assertThat(UKRAINE.isOccupied(p)).as(a.id()).isFalse();
                    // Belarus lies north-west of Russia along Ukraine's border: longitudes tell them apart.
                    if (a.kind() == AreaKind.NORTHERN_BORDER) {
                        assertThat(p.longitudeDeg()).as(a.id()).isLessThan(31.9);
                    } else {
                        assertThat(p.longitudeDeg()).as(a.id()).isGreaterThan(31.0);
                    }
                }
            }
        }
        double belarus = areas.stream().filter(a -> a.kind() == AreaKind.NORTHERN_BORDER)
                .mapToDouble(a -> AreasOfInterest.length(a.shape())).sum();
        // The Belarus-Ukraine border is 1,084 km (about 860 km in the 1:10m data's straighter lines).
        assertThat(belarus).isBetween(800_000.0, 1_150_000.0);
        assertThat(Geodesy.distanceMetres(areas.get(0).centre(), areas.get(0).lookPoints().get(0))).isZero();
    }
}
