package org.vigil.posture.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.posture.model.Forces;
import org.vigil.posture.model.UnitType;

class ForcesReaderTest {

    @Test
    void defaultForcesOfferAboutFortyThousand() {
        Forces f = ForcesReader.bundledDefault();
        assertThat(f.availableStrength()).isBetween(38_000, 42_000);
        assertThat(f.nations()).extracting(n -> n.code()).contains("GBR", "FRA");
        assertThat(f.units()).anyMatch(u -> u.type() == UnitType.MECHANISED);
        assertThat(f.units().stream().map(u -> u.id()).distinct().count()).isEqualTo(f.units().size());
    }

    private static final String OK = """
            nations:
              - code: GBR
                name: United Kingdom
                units:
                  - {type: mechanised, strength: 800, count: 2}
            """;

    @Test
    void minimalFileReads() {
        Forces f = ForcesReader.parse(OK, "f.yaml");
        assertThat(f.units()).hasSize(2);
        assertThat(f.units().get(1).id()).isEqualTo("GBR-mechanised-2");
    }

    @Test
    void unknownFieldNamesLineAndField() {
        String bad = OK.replace("    name: United Kingdom\n", "    name: United Kingdom\n    colour: red\n");
        assertThatThrownBy(() -> ForcesReader.parse(bad, "f.yaml"))
                .hasMessageStartingWith("f.yaml:4: field 'nations[0].colour': unknown field 'colour'");
    }

    @Test
    void negativeStrengthNamesLineAndField() {
        String bad = OK.replace("strength: 800", "strength: -800");
        assertThatThrownBy(() -> ForcesReader.parse(bad, "f.yaml"))
                .hasMessageStartingWith("f.yaml:5: field 'nations[0].units[0]'")
                .hasMessageContaining("strength must be between 1 and 10000");
    }

    @Test
    void unknownUnitTypeListsTheTypes() {
        String bad = OK.replace("type: mechanised", "type: cavalry");
        assertThatThrownBy(() -> ForcesReader.parse(bad, "f.yaml"))
                .hasMessageContaining("f.yaml:5").hasMessageContaining("'cavalry'").hasMessageContaining("air_defence");
    }

    @Test
    void notANumberIsNamed() {
        String bad = OK.replace("count: 2", "count: two");
        assertThatThrownBy(() -> ForcesReader.parse(bad, "f.yaml"))
                .hasMessageContaining("f.yaml:5").hasMessageContaining("nations[0].units[0].count");
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThatThrownBy(() -> ForcesReader.parse("nations:\n  - code: [GBR\n", "f.yaml"))
                .isInstanceOf(ForcesFileException.class).hasMessageStartingWith("f.yaml:");
    }

    @Test
    void misspeltOblastIsNamed() {
        String text = OK.replace("    units:", "    caveats:\n      - excludeOblasts: [Kharkov]\n    units:");
        Forces f = ForcesReader.parse(text, "f.yaml");
        assertThatThrownBy(() -> ForcesReader.checkOblasts(f, Set.of("Kharkiv", "Sumy"), "f.yaml"))
                .hasMessageContaining("unknown oblast 'Kharkov'");
    }

    @Test
    void aCaveatIsExactlyOneThing() {
        String text = OK.replace("    units:", "    caveats:\n      - {excludeOblasts: [Sumy], contactLineBandKm: [0, 50]}\n    units:");
        assertThatThrownBy(() -> ForcesReader.parse(text, "f.yaml")).hasMessageContaining("exactly one of");
    }
}
