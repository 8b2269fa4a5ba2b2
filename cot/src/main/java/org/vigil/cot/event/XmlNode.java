package org.vigil.cot.event;

/** A node of the open-ended {@code <detail>} content: an element or a run of text. */
public sealed interface XmlNode permits XmlElement, XmlText {
}
