package org.vigil.posture.model;

import java.util.List;

/**
 * A contributing nation.
 *
 * @param code    ISO 3166 alpha-3 code, e.g. GBR
 * @param name    English name
 * @param caveats where it will not serve
 */
public record Nation(String code, String name, List<Caveat> caveats) {
    public Nation {
        caveats = List.copyOf(caveats);
    }
}
