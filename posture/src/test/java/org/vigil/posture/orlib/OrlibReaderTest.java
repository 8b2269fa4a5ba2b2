package org.vigil.posture.orlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OR-Library readers: the duplicate-edge rule, the capacity column, and one-line errors naming file and line. */
class OrlibReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aDuplicatedEdgeTakesItsLastCost() throws IOException {
        // Path 1-2-3 plus a long edge 1-3. The pair 1-2 is listed first with cost 2, last with 7:
        // the last occurrence wins, so d(1,2) = 7 (the detour 1-3-2 costs 11). Keeping the first
        // occurrence or the minimum would give 2.
        Path file = write("dup.txt", """
                 3 4 1
                 1 2 2
                 2 3 1
                 1 3 10
                 2 1 7
                """);
        PMedianInstance instance = PMedianInstance.read(file);
        assertThat(instance.name()).isEqualTo("dup");
        assertThat(instance.distance(0, 1)).isEqualTo(7);
        assertThat(instance.distance(1, 0)).isEqualTo(7);
        assertThat(instance.distance(0, 2)).isEqualTo(8); // 1-2-3 = 7 + 1, shorter than the edge 1-3
        assertThat(instance.distance(1, 2)).isEqualTo(1);
    }

    @Test
    void shortestPathsGoThroughIntermediateVertices() throws IOException {
        Path file = write("chain.txt", "4 3 2\n1 2 3\n2 3 4\n3 4 5");
        PMedianInstance instance = PMedianInstance.read(file);
        assertThat(instance.distance(0, 3)).isEqualTo(12);
        assertThat(instance.distance(3, 0)).isEqualTo(12);
        assertThat(instance.medianCount()).isEqualTo(2);
    }

    @Test
    void tokensMayWrapFreelyAcrossLines() throws IOException {
        Path file = write("wrapped.txt", "  2\n1   1\n\n 1 2\n   5");
        assertThat(PMedianInstance.read(file).distance(0, 1)).isEqualTo(5);
    }

    @Test
    void aBadTokenNamesFileAndLine() throws IOException {
        Path file = write("bad.txt", " 3 2 1\n 1 2 4\n 2 x3 5\n");
        assertThatThrownBy(() -> PMedianInstance.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ":3: ")
                .hasMessageContaining("'x3'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aVertexOutOfRangeNamesFileAndLine() throws IOException {
        Path file = write("range.txt", "3 2 1\n1 2 4\n2 4 5\n");
        assertThatThrownBy(() -> PMedianInstance.read(file))
                .hasMessageStartingWith(file + ":3: ")
                .hasMessageContaining("vertex 4");
    }

    @Test
    void aShortFileSaysWhatIsMissing() throws IOException {
        Path file = write("short.txt", "3 2 1\n1 2 4\n");
        assertThatThrownBy(() -> PMedianInstance.read(file))
                .hasMessageStartingWith(file + ":3: ")
                .hasMessageContaining("unexpected end of file")
                .hasMessageContaining("edge 2 of 2");
    }

    @Test
    void aDisconnectedGraphIsRefused() throws IOException {
        Path file = write("apart.txt", "3 1 1\n1 2 4\n");
        assertThatThrownBy(() -> PMedianInstance.read(file)).hasMessageContaining("not connected");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("absent.txt");
        assertThatThrownBy(() -> PMedianInstance.read(file))
                .isInstanceOf(OrlibFileException.class)
                .hasMessage(file + ":0: no such file");
        assertThatThrownBy(() -> CapacitatedWarehouseInstance.read(file)).hasMessage(file + ":0: no such file");
    }

    @Test
    void warehouseColumnsAreCapacityThenFixedCostAndCostsAreTotals() throws IOException {
        Path file = write("cap.txt", """
                 2 3
                 100 7500.
                 80 12.5
                 10
                 1.5 2.5
                 20 3 4
                 30
                 5 6
                """);
        CapacitatedWarehouseInstance instance = CapacitatedWarehouseInstance.read(file);
        assertThat(instance.name()).isEqualTo("cap");
        assertThat(instance.siteCount()).isEqualTo(2);
        assertThat(instance.customerCount()).isEqualTo(3);
        assertThat(instance.capacities()).containsExactly(100, 80);
        assertThat(instance.fixedCosts()).containsExactly(7500, 12.5);
        assertThat(instance.demands()).containsExactly(10, 20, 30);
        assertThat(instance.cost(0, 0)).isEqualTo(1.5);
        assertThat(instance.cost(1, 0)).isEqualTo(2.5);
        assertThat(instance.cost(1, 1)).isEqualTo(4);
        assertThat(instance.cost(1, 2)).isEqualTo(6);
    }

    @Test
    void theCapacityPlaceholderNeedsAGivenCapacity() throws IOException {
        Path file = write("capx.txt", "2 1\n capacity 10.\n capacity 20.\n5\n1 2\n");
        assertThatThrownBy(() -> CapacitatedWarehouseInstance.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ":2: ")
                .hasMessageContaining("'capacity'")
                .hasMessageContaining("--capacity");
        CapacitatedWarehouseInstance instance = CapacitatedWarehouseInstance.read(file, OptionalDouble.of(8000));
        assertThat(instance.capacities()).containsExactly(8000, 8000);
        assertThat(instance.fixedCosts()).containsExactly(10, 20);
    }

    @Test
    void aGivenCapacityOverridesNumbersToo() throws IOException {
        Path file = write("capn.txt", "2 1\n 50 10.\n 60 20.\n5\n1 2\n");
        assertThat(CapacitatedWarehouseInstance.read(file, OptionalDouble.of(7)).capacities()).containsExactly(7, 7);
    }

    @Test
    void aMalformedWarehouseNumberNamesFileAndLine() throws IOException {
        Path file = write("capbad.txt", "2 1\n 50 10.\n 60 20.\n5\n1 2,5\n");
        assertThatThrownBy(() -> CapacitatedWarehouseInstance.read(file, OptionalDouble.of(7)))
                .hasMessageStartingWith(file + ":5: ")
                .hasMessageContaining("customer 1 from site 2")
                .hasMessageContaining("'2,5'");
        Path nan = write("capnan.txt", "1 1\n 50 NaN\n5\n1\n");
        assertThatThrownBy(() -> CapacitatedWarehouseInstance.read(nan)).hasMessageStartingWith(nan + ":2: ");
    }

    @Test
    void trailingDataIsRefused() throws IOException {
        Path file = write("extra.txt", "1 1\n 50 10\n5\n1\n9\n");
        assertThatThrownBy(() -> CapacitatedWarehouseInstance.read(file)).hasMessageStartingWith(file + ":5: ");
    }
}
