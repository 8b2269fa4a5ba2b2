package org.vigil.theatre.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.site.Site;
import org.vigil.theatre.site.SiteKind;

class TheatreLoaderTest {

    static Theatre ukraine;

    @BeforeAll
    static void load() {
        ukraine = TheatreLoader.bundledUkraine();
    }

    @Test
    void bundledTheatreHasEverySiteOfSourcesMd() {
        // SOURCES.md: 128 sites, 47 cities, 5 nuclear power stations, 11 ports, 13 border crossings.
        assertThat(ukraine.sites()).hasSize(128);
        assertThat(count(SiteKind.CITY)).isEqualTo(47);
        assertThat(count(SiteKind.NUCLEAR_POWER_STATION)).isEqualTo(5);
        assertThat(count(SiteKind.PORT)).isEqualTo(11);
        assertThat(count(SiteKind.BORDER_CROSSING)).isEqualTo(13);
        assertThat(ukraine.contactLine()).hasSize(76);
        assertThat(ukraine.neighbours()).containsKeys("POL", "SVK", "HUN", "ROU", "MDA", "BLR", "RUS");
    }

    private long count(SiteKind kind) {
        return ukraine.sites().stream().filter(s -> s.kind() == kind).count();
    }

    @Test
    void nuclearStationDistancesToTheLineAgreeWithSourcesMd() {
        // SOURCES.md gives haversine distances; the ellipsoid differs from the sphere by under 0.6 %,
        // and its figures are rounded, so allow 1 %.
        Map<String, Double> km = Map.of("npp-zaporizhzhia", 5.5, "npp-south-ukraine", 137.0, "npp-chornobyl", 492.0,
                "npp-khmelnytskyi", 544.0, "npp-rivne", 665.0);
        km.forEach((id, expected) -> {
            Site s = ukraine.site(id).orElseThrow();
            assertThat(ukraine.distanceToContactLineMetres(s.location()) / 1000).as(id)
                    .isCloseTo(expected, within(Math.max(0.1, expected * 0.01)));
        });
    }

    @Test
    void odesaStaysOutsideTheDefaultStandOff() {
        // DESIGN: Odesa, about 58 km from the occupied Kinburn spit, stays eligible under a 50 km stand-off.
        double km = ukraine.distanceToContactLineMetres(ukraine.site("port-odesa").orElseThrow().location()) / 1000;
        assertThat(km).isBetween(50.0, 70.0);
    }

    @Test
    void controlAgreesWithTheOccupiedArea() {
        for (Site s : ukraine.sites()) {
            assertThat(ukraine.isOccupied(s.location())).as(s.id()).isEqualTo(!s.isGovernmentControlled());
            assertThat(ukraine.isInside(s.location())).as(s.id()).isTrue();
        }
    }

    @Test
    void chornobylIsCloseToTheBorder() {
        // SOURCES.md: Chornobyl NPP is about 10 km from the Belarus border.
        double km = ukraine.distanceToBorderMetres(ukraine.site("npp-chornobyl").orElseThrow().location()) / 1000;
        assertThat(km).isBetween(5.0, 20.0);
    }

    // --- user theatres and their errors -------------------------------------------------

    @TempDir
    Path dir;

    private void copyBundled() throws IOException {
        for (String f : List.of("sites.csv", "contact_line.geojson", "occupied.geojson", "border.geojson",
                "neighbours.geojson")) {
            try (InputStream in = TheatreLoader.class.getResourceAsStream("/org/vigil/theatre/ukraine/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
    }

    private void replaceInSites(String from, String to) throws IOException {
        Path sites = dir.resolve("sites.csv");
        String text = Files.readString(sites);
        assertThat(text).contains(from);
        Files.writeString(sites, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }

    private int lineOf(String text) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("sites.csv"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(text) || (!text.endsWith(",") && lines.get(i).contains(text))) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void aCopiedTheatreLoadsLikeTheBundledOne() throws IOException {
        copyBundled();
        assertThat(TheatreLoader.fromDirectory(dir).sites()).hasSize(128);
    }

    @Test
    void badLatitudeNamesFileLineAndField() throws IOException {
        copyBundled();
        replaceInSites("npp-rivne,Rivne NPP,nuclear_power_station,51.328", "npp-rivne,Rivne NPP,nuclear_power_station,95.3");
        int line = lineOf("npp-rivne,");
        assertThatThrownBy(() -> TheatreLoader.fromDirectory(dir)).isInstanceOf(TheatreFileException.class)
                .hasMessageContaining("sites.csv:" + line + ": field 'lat'").hasMessageContaining("95.3");
    }

    @Test
    void unknownKindNamesTheKinds() throws IOException {
        copyBundled();
        replaceInSites("port-odesa,Port of Odesa,port,", "port-odesa,Port of Odesa,harbour,");
        int line = lineOf("port-odesa,");
        assertThatThrownBy(() -> TheatreLoader.fromDirectory(dir)).hasMessageContaining("sites.csv:" + line + ": field 'kind'")
                .hasMessageContaining("'harbour'").hasMessageContaining("nuclear_power_station");
    }

    @Test
    void duplicateIdNamesBothLines() throws IOException {
        copyBundled();
        int first = lineOf("port-odesa,");
        replaceInSites("port-reni,", "port-odesa,");
        int second = lineOf("Port of Reni");
        assertThatThrownBy(() -> TheatreLoader.fromDirectory(dir))
                .hasMessageContaining("sites.csv:" + second + ": field 'id'")
                .hasMessageContaining("first on line " + first);
    }

    @Test
    void aGovernmentSiteOnTheOccupiedSideIsRejected() throws IOException {
        copyBundled();
        // Melitopol lies in the occupied area; claim it is government-held.
        Site melitopol = ukraine.sites().stream().filter(s -> s.id().equals("city-melitopol")).findFirst().orElseThrow();
        assertThat(melitopol.isGovernmentControlled()).isFalse();
        String csv = Files.readString(dir.resolve("sites.csv"));
        String row = csv.lines().filter(l -> l.startsWith("city-melitopol,")).findFirst().orElseThrow();
        replaceInSites(row, row.replace(",occupied,", ",government,"));
        int line = lineOf("city-melitopol,");
        assertThatThrownBy(() -> TheatreLoader.fromDirectory(dir))
                .hasMessageContaining("sites.csv:" + line + ": field 'control'")
                .hasMessageContaining("wrong side of the line of contact");
    }

    @Test
    void malformedGeoJsonNamesItsLine() throws IOException {
        copyBundled();
        Files.writeString(dir.resolve("contact_line.geojson"), "{\n \"type\": \"FeatureCollection\",\n \"features\": [\n  {\"type\": \"Feature\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[30, 46], [31, 200]]}}\n ]\n}\n");
        assertThatThrownBy(() -> TheatreLoader.fromDirectory(dir))
                .hasMessageContaining("contact_line.geojson:4: field 'features[0].geometry.coordinates[1]'")
                .hasMessageContaining("latitude 200");
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        copyBundled();
        Files.delete(dir.resolve("border.geojson"));
        assertThatThrownBy(() -> TheatreLoader.fromDirectory(dir)).hasMessageContaining("border.geojson")
                .hasMessageContaining("missing theatre file");
    }
}
