package org.vigil.posture.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.posture.model.Caveat;
import org.vigil.posture.model.Forces;
import org.vigil.posture.model.Nation;
import org.vigil.posture.model.SiteProfile;
import org.vigil.posture.model.Unit;
import org.vigil.posture.model.UnitType;
import org.vigil.theatre.io.YamlErrors;

/**
 * Reads a forces file (YAML; see {@code forces-default.yaml} for the annotated format).
 * Unknown fields, wrong types and impossible values fail with
 * {@code FILE:LINE: field 'PATH': reason}.
 */
public final class ForcesReader {

    private static final String DEFAULT = "/org/vigil/posture/forces-default.yaml";

    // The file's shape. Compact constructors reject impossible values; Jackson then
    // reports the line and the path of the offending entry.
    record FileDoc(@JsonProperty(required = true) List<NationDoc> nations, List<String> logisticsEntryPoints,
                   List<SiteProfileDoc> siteProfiles) {
        FileDoc {
            if (nations == null || nations.isEmpty()) {
                throw new IllegalArgumentException("at least one nation is needed");
            }
        }
    }

    record NationDoc(@JsonProperty(required = true) String code, String name, List<CaveatDoc> caveats,
                     @JsonProperty(required = true) List<UnitDoc> units) {
        NationDoc {
            if (code == null || !code.matches("[A-Z]{2,8}")) {
                throw new IllegalArgumentException("code must be 2-8 capital letters (ISO 3166 alpha-3, e.g. GBR)");
            }
            if (units == null || units.isEmpty()) {
                throw new IllegalArgumentException("nation " + code + " has no units");
            }
        }
    }

    record UnitDoc(@JsonProperty(required = true) String type, @JsonProperty(required = true) Integer strength,
                   Integer count) {
        UnitDoc {
            if (UnitType.fromCode(type).isEmpty()) {
                throw new IllegalArgumentException("unknown unit type '" + type + "' (expected one of " + UnitType.codes() + ")");
            }
            if (strength == null || strength <= 0 || strength > 10_000) {
                throw new IllegalArgumentException("strength must be between 1 and 10000 troops, got " + strength);
            }
            if (count == null) {
                count = 1;
            }
            if (count < 0 || count > 1_000) {
                throw new IllegalArgumentException("count must be between 0 and 1000, got " + count);
            }
        }
    }

    record CaveatDoc(List<String> excludeOblasts, List<Double> contactLineBandKm, List<Double> borderBandKm) {
        CaveatDoc {
            int given = (excludeOblasts == null ? 0 : 1) + (contactLineBandKm == null ? 0 : 1) + (borderBandKm == null ? 0 : 1);
            if (given != 1) {
                throw new IllegalArgumentException("a caveat is exactly one of excludeOblasts, contactLineBandKm, borderBandKm");
            }
            checkBand(contactLineBandKm);
            checkBand(borderBandKm);
        }

        private static void checkBand(List<Double> band) {
            if (band != null && (band.size() != 2 || band.get(0) == null || band.get(1) == null || band.get(0) < 0
                    || band.get(1) <= band.get(0))) {
                throw new IllegalArgumentException("a band is [fromKm, toKm] with 0 <= fromKm < toKm");
            }
        }

        Caveat toCaveat() {
            if (excludeOblasts != null) {
                return new Caveat.ExcludedRegions(Set.copyOf(excludeOblasts));
            }
            if (contactLineBandKm != null) {
                return new Caveat.DistanceBand(Caveat.Reference.CONTACT_LINE, contactLineBandKm.get(0) * 1000,
                        contactLineBandKm.get(1) * 1000);
            }
            return new Caveat.DistanceBand(Caveat.Reference.BORDER, borderBandKm.get(0) * 1000, borderBandKm.get(1) * 1000);
        }
    }

    record SiteProfileDoc(@JsonProperty(required = true) String site, @JsonProperty(required = true) Integer criticality,
                          @JsonProperty(required = true) Integer guardStrength,
                          @JsonProperty(required = true) Integer stationCapacity) {
        SiteProfileDoc {
            if (criticality == null || criticality < 0 || guardStrength == null || guardStrength <= 0
                    || stationCapacity == null || stationCapacity < 0) {
                throw new IllegalArgumentException("criticality >= 0, guardStrength > 0 and stationCapacity >= 0 are needed");
            }
        }
    }

    private ForcesReader() {
    }

    /** The default forces that ship with the bundled theatre. */
    public static Forces bundledDefault() {
        try (InputStream in = ForcesReader.class.getResourceAsStream(DEFAULT)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled forces-default.yaml");
        } catch (IOException e) {
            throw new ForcesFileException("bundled forces-default.yaml: cannot read: " + e.getMessage());
        }
    }

    public static Forces read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ForcesFileException(file + ": cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /**
     * @param validOblasts regions the theatre knows, to catch a misspelt caveat (may be empty to skip)
     */
    public static void checkOblasts(Forces forces, Set<String> validOblasts, String file) {
        for (Nation n : forces.nations()) {
            for (Caveat c : n.caveats()) {
                if (c instanceof Caveat.ExcludedRegions r) {
                    for (String o : r.oblasts()) {
                        if (!validOblasts.contains(o)) {
                            throw new ForcesFileException(file + ": field 'nations[" + n.code() + "].caveats.excludeOblasts': "
                                    + "unknown oblast '" + o + "' (the theatre has " + String.join(", ",
                                    validOblasts.stream().sorted().toList()) + ")");
                        }
                    }
                }
            }
        }
    }

    static Forces parse(String text, String file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        FileDoc doc;
        try {
            doc = yaml.readValue(text, FileDoc.class);
        } catch (JsonProcessingException e) {
            throw new ForcesFileException(YamlErrors.describe(e, file, text));
        }
        if (doc == null) {
            throw new ForcesFileException(file + ": the file is empty");
        }
        List<Nation> nations = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < doc.nations().size(); i++) {
            NationDoc nd = doc.nations().get(i);
            if (!codes.add(nd.code())) {
                throw new ForcesFileException(file + ":" + YamlErrors.lineOf(text, "code: " + nd.code(), 2) + ": field 'nations["
                        + i + "].code': nation " + nd.code() + " appears twice");
            }
            List<Caveat> caveats = nd.caveats() == null ? List.of() : nd.caveats().stream().map(CaveatDoc::toCaveat).toList();
            nations.add(new Nation(nd.code(), nd.name() == null ? nd.code() : nd.name(), caveats));
            Map<UnitType, Integer> serial = new LinkedHashMap<>();
            for (UnitDoc ud : nd.units()) {
                UnitType type = UnitType.fromCode(ud.type()).orElseThrow();
                for (int k = 0; k < ud.count(); k++) {
                    int serialNo = serial.merge(type, 1, Integer::sum);
                    units.add(new Unit(nd.code() + "-" + type.code() + "-" + serialNo, nd.code(), type, ud.strength()));
                }
            }
        }
        Map<String, SiteProfile> profiles = new LinkedHashMap<>();
        if (doc.siteProfiles() != null) {
            for (SiteProfileDoc p : doc.siteProfiles()) {
                profiles.put(p.site(), new SiteProfile(p.criticality(), p.guardStrength(), p.stationCapacity()));
            }
        }
        return new Forces(nations, units, doc.logisticsEntryPoints() == null ? List.of() : doc.logisticsEntryPoints(),
                profiles);
    }
}
