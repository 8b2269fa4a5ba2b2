package org.vigil.track.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.track.geo.LocalTangentPlane;
import org.vigil.track.model.Detection;
import org.vigil.track.model.Frame;

/** WGS84 scenario files: written in degrees on a tangent plane, read back into the same plane. */
class Wgs84ScenarioTest {

    @TempDir
    Path dir;

    @Test
    void writesDegreesAndReadsTheSamePlanePositions() throws IOException {
        LocalTangentPlane plane = new LocalTangentPlane(50.25, 28.66, 150);
        Map<String, String> header = new LinkedHashMap<>();
        header.put("dt", "1");
        header.put("duration", "2");
        header.put("region", "-20000,20000,-20000,20000");
        Path file = dir.resolve("geo.csv");
        try (ScenarioWriter w = new ScenarioWriter(file, header, plane)) {
            w.scan(0, new long[] {7}, new double[] {12_000}, new double[] {-5_000},
                    List.of(new Frame(0, 1, List.of(Detection.position(0, 1, 12_010, -4_990, 20)))));
            w.scan(1, new long[] {7}, new double[] {12_010}, new double[] {-5_000}, List.of());
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).contains("# plane=wgs84-deg", ScenarioReader.COLUMNS_WGS84);
        String truth = lines.stream().filter(l -> l.startsWith("truth,0,")).findFirst().orElseThrow();
        String[] f = truth.split(",");
        // the written latitude/longitude lie 12 km east and 5 km south of the origin (GeographicLib's inverse)
        GeodesicData g = Geodesic.WGS84.Inverse(50.25, 28.66, Double.parseDouble(f[3]), Double.parseDouble(f[4]));
        assertThat(g.s12).isCloseTo(Math.hypot(12_000, 5_000), within(15.0));

        Scenario s = ScenarioReader.read(file);
        assertThat(s.tangentPlane()).isPresent();
        assertThat(s.scans().get(0).truth().x()[0]).isCloseTo(12_000, within(0.05));
        assertThat(s.scans().get(0).truth().y()[0]).isCloseTo(-5_000, within(0.05));
        Detection d = s.scans().get(0).frames().get(0).detections().get(0);
        assertThat(d.xMetres()).isCloseTo(12_010, within(0.05));
        assertThat(d.yMetres()).isCloseTo(-4_990, within(0.05));
    }

    @Test
    void aWgs84ScenarioWithoutAnOriginNamesTheLine() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "# format=vigil-scenario-1\n# plane=wgs84-deg\n# dt=1\n# duration=1\n" + ScenarioReader.COLUMNS_WGS84 + "\n");
        assertThatThrownBy(() -> ScenarioReader.read(file)).isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining("bad.csv:2").hasMessageContaining("origin=lat,lon,height");
    }
}
