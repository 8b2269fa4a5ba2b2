package org.vigil.cot.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The children of an event's {@code <detail>}, in order. Empty when the event had an
 * empty or no {@code <detail>}.
 */
public record Detail(List<XmlElement> elements) {

    public static final Detail EMPTY = new Detail(List.of());

    public Detail {
        elements = List.copyOf(elements);
    }

    /** The first child named {@code name}. */
    public Optional<XmlElement> first(String name) {
        // plain loops: every received event asks (its group), and a stream per call is garbage
        for (XmlElement e : elements) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** How many children are named {@code name}. */
    public long count(String name) {
        long n = 0;
        for (XmlElement e : elements) {
            if (e.name().equals(name)) {
                n++;
            }
        }
        return n;
    }

    /** The team of a TAK user: {@code __group/@name}, if present and not blank. */
    public Optional<String> groupName() {
        return first("__group").flatMap(g -> g.attribute("name")).filter(n -> !n.isBlank());
    }

    /** True when both hold the same children, each as often, in any order. */
    public boolean sameElementsAs(Detail other) {
        if (elements.size() != other.elements.size()) {
            return false;
        }
        List<XmlElement> rest = new ArrayList<>(other.elements);
        for (XmlElement e : elements) {
            int match = -1;
            for (int i = 0; i < rest.size() && match < 0; i++) {
                if (e.sameAs(rest.get(i))) {
                    match = i;
                }
            }
            if (match < 0) {
                return false;
            }
            rest.remove(match);
        }
        return true;
    }

    /** This detail with {@code element} appended. */
    public Detail with(XmlElement element) {
        List<XmlElement> copy = new ArrayList<>(elements);
        copy.add(element);
        return new Detail(copy);
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }
}
