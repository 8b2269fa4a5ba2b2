package org.vigil.cot.server;

import org.vigil.cot.event.CotEvent;
import org.vigil.cot.event.CotPoint;
import org.vigil.cot.event.Detail;
import org.vigil.cot.event.XmlAttribute;
import org.vigil.cot.event.XmlElement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Test events: position reports of a named team member. */
final class Events {

    private Events() {
    }

    static CotEvent position(String uid, String group, double latDeg) {
        Instant now = Instant.now();
        return CotEvent.of(uid, "a-f-G-U-C", "m-g", now, now.plus(Duration.ofMinutes(5)),
                new CotPoint(latDeg, 30.5, 150, 5, CotPoint.UNKNOWN),
                new Detail(List.of(
                        XmlElement.empty("contact", List.of(new XmlAttribute("callsign", uid))),
                        XmlElement.empty("__group", List.of(new XmlAttribute("name", group),
                                new XmlAttribute("role", "Team Member"))),
                        XmlElement.empty("uid", List.of(new XmlAttribute("Droid", uid))))));
    }

    static CotEvent positionWithRemarks(String uid, String group, double latDeg, int remarkChars) {
        CotEvent e = position(uid, group, latDeg);
        return e.withDetail(e.detail().with(new XmlElement("remarks", List.of(),
                List.of(new org.vigil.cot.event.XmlText("r".repeat(remarkChars))))));
    }
}
