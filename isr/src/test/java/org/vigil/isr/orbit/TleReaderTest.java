package org.vigil.isr.orbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad element sets fail with one line naming the file, the line and what is wrong. */
class TleReaderTest {

    static final String L1 = "1 40697U 15028A   24279.17255390  .00001112  00000+0  44064-3 0  9993";
    static final String L2 = "2 40697  98.5691 351.8518 0001010  99.3360 260.7937 14.30828931485076";

    @Test
    void readsThreeLineSetsWithNames() {
        var e = new TleReader(true).parse("SENTINEL-2A\n" + L1 + "\n" + L2 + "\n", "f.tle");
        assertThat(e).hasSize(1);
        assertThat(e.get(0).name()).isEqualTo("SENTINEL-2A");
        assertThat(e.get(0).satnum()).isEqualTo(40697);
        assertThat(e.get(0).verification()).isEmpty();
    }

    @Test
    void aWrongChecksumNamesTheLine() {
        String bad = L1.substring(0, 68) + "4";
        assertThatThrownBy(() -> new TleReader(true).parse("NAME\n" + bad + "\n" + L2 + "\n", "f.tle"))
                .isInstanceOf(TleFileException.class)
                .hasMessage("f.tle:2: line 1 checksum is 4 but the line sums to 3 (modulo 10)");
        assertThat(new TleReader(false).parse(bad + "\n" + L2 + "\n", "f.tle")).hasSize(1);
    }

    @Test
    void formatErrorsAreOneLine() {
        assertThatThrownBy(() -> new TleReader(true).parse(L1 + "\n", "f.tle")).hasMessage(
                "f.tle:2: expected line 2 of the element set begun on line 1 (a line starting '2 ')");
        assertThatThrownBy(() -> new TleReader(true).parse(L1.substring(0, 60) + "\n" + L2 + "\n", "f.tle"))
                .hasMessage("f.tle:1: line 1 has 60 columns, a TLE line needs 69");
        assertThatThrownBy(() -> new TleReader(true).parse(L1 + "\n" + L2.replace("2 40697", "2 40698") + "\n", "f.tle"))
                .hasMessageStartingWith("f.tle:2:");
        assertThatThrownBy(() -> new TleReader(true).parse(L1 + "\n" + L2.substring(0, 16) + "X" + L2.substring(17) + "\n", "f.tle"))
                .hasMessage("f.tle:2: line 2 column 17 must be blank in the fixed TLE layout, found 'X'");
        assertThatThrownBy(() -> new TleReader(true).parse("just text\n", "f.tle"))
                .hasMessage("f.tle: the file ends after the name line 'just text' without its element set");
        assertThatThrownBy(() -> new TleReader(true).parse("", "f.tle")).hasMessage("f.tle: no two-line element sets found");
    }

    @Test
    void leapSecondsComeFromTheBundledTable() {
        var utc = OrekitData.bundled().utc();
        var tai = OrekitData.bundled().context().getTimeScales().getTAI();
        var d2024 = new org.orekit.time.AbsoluteDate(2024, 10, 5, 0, 0, 0.0, utc);
        assertThat(d2024.timeScalesOffset(tai, utc)).isEqualTo(37.0);
        var d1972 = new org.orekit.time.AbsoluteDate(1972, 3, 1, 0, 0, 0.0, utc);
        assertThat(d1972.timeScalesOffset(tai, utc)).isEqualTo(10.0);
        var d2016 = new org.orekit.time.AbsoluteDate(2016, 12, 31, 23, 59, 59.0, utc);
        assertThat(d2016.timeScalesOffset(tai, utc)).isEqualTo(36.0);
    }
}
