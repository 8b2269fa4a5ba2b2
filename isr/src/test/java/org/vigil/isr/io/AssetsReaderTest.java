package org.vigil.isr.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vigil.isr.model.AreaKind;

/** The bundled assets file and the one-line errors of a bad one. */
class AssetsReaderTest {

    @Test
    void theDefaultHasFourAircraftAndSixtyDrones() {
        var a = AssetsReader.bundledDefault();
        assertThat(a.aircraft()).hasSize(4);
        assertThat(a.droneCount()).isEqualTo(60);
        assertThat(a.revisitMinutes().get(AreaKind.CONTACT_LINE)).isEqualTo(120);
        assertThat(a.revisitMinutes().get(AreaKind.NORTHERN_BORDER)).isEqualTo(360);
        assertThat(a.siteKinds().get(0).kind()).isEqualTo("nuclear_power_station");
        assertThat(a.siteKinds().get(0).revisitMinutes()).isZero();
    }

    @Test
    void errorsNameFileLineAndField() {
        assertThatThrownBy(() -> AssetsReader.parse("standoffKm: 50\naircraft:\n  - {id: a, base: {name: b, lat: 50, lon: 30},"
                + " speedKmh: -5, enduranceHours: 8, sensorRangeKm: 100, turnaroundHours: 1}\n", "assets.yaml"))
                .isInstanceOf(AssetsFileException.class)
                .hasMessageStartingWith("assets.yaml:3: field 'aircraft[0]': speedKmh must be positive");
        assertThatThrownBy(() -> AssetsReader.parse("standoffKm: 50\nspeed: 3\n", "assets.yaml"))
                .hasMessageStartingWith("assets.yaml:2: field 'speed': unknown field 'speed'");
        assertThatThrownBy(() -> AssetsReader.parse("drones:\n  - {id: d, base: {name: b, lat: 50, lon: 30}, count: many,"
                + " rangeKm: 1, speedKmh: 1, enduranceHours: 1, turnaroundHours: 1, footprintKm: 1}\n", "assets.yaml"))
                .hasMessageStartingWith("assets.yaml:2: field 'drones[0].count':");
        assertThatThrownBy(() -> AssetsReader.parse("sites:\n  - {kind: castle, revisitMinutes: 60, priority: 1}\n", "assets.yaml"))
                .hasMessageContaining("unknown site kind 'castle'");
        assertThatThrownBy(() -> AssetsReader.parse("requirements:\n  contact_line: {revisitMinutes: 5, priority: 1}\n", "assets.yaml"))
                .hasMessageContaining("revisitMinutes must be 0 (continuous) or at least 20");
    }
}
