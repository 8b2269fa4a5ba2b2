package org.vigil.cot.event;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An element under {@code <detail>}, kept as received: name, attributes in their order,
 * children (elements and text) in their order. Receivers pass elements they do not
 * understand on unchanged.
 */
public record XmlElement(String name, List<XmlAttribute> attributes, List<XmlNode> children) implements XmlNode {

    public XmlElement {
        Objects.requireNonNull(name, "name");
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** An element with attributes and no children, e.g. {@code <contact callsign="A"/>}. */
    public static XmlElement empty(String name, List<XmlAttribute> attributes) {
        return new XmlElement(name, attributes, List.of());
    }

    /** The value of the attribute {@code attributeName}, if present. */
    public Optional<String> attribute(String attributeName) {
        for (XmlAttribute a : attributes) {
            if (a.name().equals(attributeName)) {
                return Optional.of(a.value());
            }
        }
        return Optional.empty();
    }

    /**
     * Equal as XML: the same name, the same attributes in any order (XML gives their
     * order no meaning, and protobuf's typed fields do not keep it), the same children
     * in order, compared the same way.
     */
    public boolean sameAs(XmlElement other) {
        if (!name.equals(other.name) || attributes.size() != other.attributes.size()
                || !new java.util.HashSet<>(attributes).equals(new java.util.HashSet<>(other.attributes))
                || children.size() != other.children.size()) {
            return false;
        }
        for (int i = 0; i < children.size(); i++) {
            XmlNode a = children.get(i), b = other.children.get(i);
            boolean same = a instanceof XmlElement ea && b instanceof XmlElement eb ? ea.sameAs(eb) : a.equals(b);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** The concatenated text children (not descendants), empty when there are none. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (XmlNode child : children) {
            if (child instanceof XmlText(String t)) {
                sb.append(t);
            }
        }
        return sb.toString();
    }
}
