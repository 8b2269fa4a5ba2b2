package org.vigil.watch.cot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A CoT type's battle dimension (its third field) gives the report kind. */
class CotKindTest {

    @ParameterizedTest
    @CsvSource({
            "a-h-G, ground", "a-h-G-E-V, ground", "a-f-A-M-F, air", "a-u-S, sea", "a-n-U-S, sea",
            "a-h-X, unknown", "a-h-GX, unknown", "a-h-, unknown", "a-h, unknown", "a, unknown", "'', unknown",
            "a--G, ground", "b-m-p-s-p-i, unknown"})
    void kindFromTheThirdField(String type, String kind) {
        assertEquals(kind, CotReports.kind(type));
    }
}
