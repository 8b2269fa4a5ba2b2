package org.vigil.cot.event;

import java.util.Objects;

/** Character content inside a detail element, unescaped (e.g. the text of {@code <remarks>}). */
public record XmlText(String text) implements XmlNode {
    public XmlText {
        Objects.requireNonNull(text, "text");
    }
}
