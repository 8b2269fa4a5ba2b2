package org.vigil.cot.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One Cursor-on-Target event: what ({@code type}), which thing ({@code uid}), how the data
 * was produced ({@code how}), when (generation, validity start, stale; UTC, millisecond
 * precision), where ({@link CotPoint}) and the open-ended {@link Detail}. An event with
 * the same uid as an earlier one updates it.
 *
 * @param uid    stable identifier of the thing described
 * @param type   hyphen-separated CoT type, e.g. {@code a-f-G-U-C}
 * @param how    how the position was obtained, e.g. {@code m-g}
 * @param time   when this message was generated
 * @param start  start of validity
 * @param stale  when the information expires; not before {@code start}
 * @param access access marking, empty when absent
 * @param qos    quality-of-service hint, empty when absent
 * @param opex   exercise/operation marking, empty when absent
 * @param point  position and errors
 * @param detail the {@code <detail>} children
 */
public record CotEvent(String uid, String type, String how, Instant time, Instant start, Instant stale,
                       String access, String qos, String opex, CotPoint point, Detail detail) {

    public CotEvent {
        requireText("uid", uid);
        requireText("type", type);
        requireText("how", how);
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
        start = Objects.requireNonNull(start, "start").truncatedTo(ChronoUnit.MILLIS);
        stale = Objects.requireNonNull(stale, "stale").truncatedTo(ChronoUnit.MILLIS);
        if (stale.isBefore(start)) {
            throw new IllegalArgumentException("stale " + stale + " is before start " + start);
        }
        access = access == null ? "" : access;
        qos = qos == null ? "" : qos;
        opex = opex == null ? "" : opex;
        Objects.requireNonNull(point, "point");
        detail = detail == null ? Detail.EMPTY : detail;
    }

    /** An event with no access/qos/opex markings. */
    public static CotEvent of(String uid, String type, String how, Instant time, Instant stale,
                              CotPoint point, Detail detail) {
        return new CotEvent(uid, type, how, time, time, stale, "", "", "", point, detail);
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + name);
        }
    }

    /** True once {@code now} is after the stale time. */
    public boolean isStaleAt(Instant now) {
        return now.isAfter(stale);
    }

    /** True for a type in the CoT type tree under {@code prefix} ({@code a-h-G} covers {@code a-h-G-E-V}). */
    public boolean isA(String prefix) {
        // no concatenated prefix: this runs for every inbound event
        return type.startsWith(prefix) && (type.length() == prefix.length() || type.charAt(prefix.length()) == '-');
    }

    /** An atom (unit, vehicle, aircraft...): the position reports a slow client may lose first. */
    public boolean isPositionReport() {
        return type.startsWith("a-");
    }

    /** Connection-level control ({@code t-x-*}: ping, protocol negotiation), never a map object. */
    public boolean isControl() {
        return type.startsWith("t-x-");
    }

    /**
     * True when {@code other} says the same thing: equal in every field, with the same detail
     * children in any order (a trip through protobuf moves the typed elements after the
     * others).
     */
    public boolean sameAs(CotEvent other) {
        return withDetail(Detail.EMPTY).equals(other.withDetail(Detail.EMPTY))
                && detail.sameElementsAs(other.detail());
    }

    /** This event with a different detail. */
    public CotEvent withDetail(Detail newDetail) {
        return new CotEvent(uid, type, how, time, start, stale, access, qos, opex, point, newDetail);
    }
}
