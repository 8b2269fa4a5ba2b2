package org.vigil.app.http;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.site.SiteKind;
import org.vigil.watch.Alert;
import org.vigil.watch.LivePicture;

/**
 * The public status ({@code GET /api/public/status}, no token): for returning civilians, whether
 * the government-held places they return to (cities, nuclear and other power stations, ports,
 * airports, rail hubs, border crossings) are under normal watch or heightened vigilance. It says
 * nothing of the force: no units, tracks, sensors, alert rules or counts. It is deliberately
 * {@link #DELAY} behind (an alert shows only once it is that old, and the time is that of the
 * picture shown, rounded down to the minute), so it cannot be used to watch the force react.
 */
public final class PublicStatus {

    static final int ALERTS_CONSIDERED = 1000;
    static final Duration DELAY = Duration.ofMinutes(10);
    static final Set<SiteKind> KINDS = EnumSet.of(SiteKind.CITY, SiteKind.NUCLEAR_POWER_STATION, SiteKind.PORT,
            SiteKind.AIRPORT, SiteKind.RAIL_HUB, SiteKind.HYDRO_POWER_STATION, SiteKind.THERMAL_POWER_STATION,
            SiteKind.BORDER_CROSSING);

    public record SiteStatusJson(String id, String name, String kind, String oblast, double lat, double lon, String status) {
    }

    public record StatusJson(String theatre, String updated, long delayMinutes, String level, List<SiteStatusJson> sites) {
    }

    private final Theatre theatre;
    private final LivePicture live;

    public PublicStatus(Theatre theatre, LivePicture live) {
        this.theatre = theatre;
        this.live = live;
    }

    public StatusJson now() {
        Instant asOf = Instant.now().minus(DELAY);
        Set<String> alerted = live.alerts(ALERTS_CONSIDERED).stream()
                .filter(a -> a.open() && a.siteId() != null && a.time() != null && !a.time().isAfter(asOf))
                .map(Alert::siteId).collect(Collectors.toSet());
        List<SiteStatusJson> sites = theatre.sites().stream()
                .filter(s -> s.isGovernmentControlled() && KINDS.contains(s.kind()))
                .map(s -> new SiteStatusJson(s.id(), s.name(), s.kind().code(), s.oblast(), s.location().latitudeDeg(),
                        s.location().longitudeDeg(), alerted.contains(s.id()) ? "heightened" : "normal"))
                .toList();
        boolean heightened = sites.stream().anyMatch(s -> s.status().equals("heightened"));
        return new StatusJson(theatre.name(), asOf.truncatedTo(ChronoUnit.MINUTES).toString(), DELAY.toMinutes(),
                heightened ? "heightened" : "normal", sites);
    }
}
