package org.vigil.cot.event;

import java.util.Objects;

/** One attribute of a detail element, name as written (no namespace processing), value unescaped. */
public record XmlAttribute(String name, String value) {
    public XmlAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
