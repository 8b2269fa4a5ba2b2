import L from 'leaflet';
import type { PlanSite, Site } from '../api/types';

/** How each site kind is drawn: a glyph and a label for the legend. */
export const SITE_KINDS: Record<string, { glyph: string; label: string }> = {
  nuclear_power_station: { glyph: '☢', label: 'Nuclear power station' },
  city: { glyph: '●', label: 'City' },
  port: { glyph: '⚓', label: 'Port' },
  airport: { glyph: '✈', label: 'Airport' },
  hydro_power_station: { glyph: '≈', label: 'Hydro power station' },
  thermal_power_station: { glyph: '▲', label: 'Thermal power station' },
  rail_hub: { glyph: '╪', label: 'Rail hub' },
  border_crossing: { glyph: '⊣', label: 'Border crossing' },
  gas_storage: { glyph: '◆', label: 'Gas storage' },
  bridge: { glyph: '⌒', label: 'Bridge' },
  logistics_hub: { glyph: '■', label: 'Logistics hub' },
  substation: { glyph: 'ϟ', label: 'Substation' },
};

/**
 * Protected sites as small DOM markers (about a hundred, so DOM is cheap), each carrying
 * data-site-id and its kind, with guarded/covered marks from the latest posture plan.
 * Kinds can be hidden from the legend.
 */
export class SitesLayer {
  private readonly markers = new Map<string, L.Marker>();
  private readonly byId = new Map<string, Site>();
  private readonly group = L.layerGroup();
  private readonly hiddenKinds = new Set<string>();
  private planSites = new Map<string, PlanSite>();

  constructor(map: L.Map) {
    this.group.addTo(map);
  }

  site(id: string | null | undefined): Site | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  all(): Site[] {
    return [...this.byId.values()];
  }

  setSites(sites: Site[]): void {
    this.group.clearLayers();
    this.markers.clear();
    this.byId.clear();
    for (const s of sites) {
      this.byId.set(s.id, s);
      const marker = L.marker([s.lat, s.lon], { icon: this.icon(s), keyboard: false, riseOnHover: true, zIndexOffset: -1000 });
      marker.bindTooltip(() => this.tooltip(s), { direction: 'top', offset: [0, -6] });
      this.markers.set(s.id, marker);
      if (!this.hiddenKinds.has(s.kind)) marker.addTo(this.group);
    }
  }

  /** Marks guarded and covered sites from a plan. */
  setPlan(sites: PlanSite[] | undefined): void {
    this.planSites = new Map((sites ?? []).map((s) => [s.id, s]));
    for (const [id, m] of this.markers) m.setIcon(this.icon(this.byId.get(id)!));
  }

  setKindVisible(kind: string, visible: boolean): void {
    if (visible) this.hiddenKinds.delete(kind);
    else this.hiddenKinds.add(kind);
    for (const [id, m] of this.markers) {
      if (this.byId.get(id)!.kind !== kind) continue;
      if (visible) m.addTo(this.group);
      else m.remove();
    }
  }

  kinds(): string[] {
    return [...new Set(this.all().map((s) => s.kind))].sort((a, b) => (SITE_KINDS[a]?.label ?? a).localeCompare(SITE_KINDS[b]?.label ?? b));
  }

  private icon(s: Site): L.DivIcon {
    const plan = this.planSites.get(s.id);
    const cls = ['site', `site-${s.kind}`, s.control === 'occupied' ? 'site-occupied' : ''];
    if (plan?.guarded) cls.push('site-guarded');
    else if (plan?.covered) cls.push('site-covered');
    const glyph = SITE_KINDS[s.kind]?.glyph ?? '•';
    const el = document.createElement('div');
    el.className = cls.filter(Boolean).join(' ');
    el.dataset.siteId = s.id;
    el.dataset.kind = s.kind;
    el.textContent = glyph;
    return L.divIcon({ html: el, className: 'site-icon', iconSize: [18, 18], iconAnchor: [9, 9] });
  }

  private tooltip(s: Site): string {
    const plan = this.planSites.get(s.id);
    const label = SITE_KINDS[s.kind]?.label ?? s.kind;
    const state = plan ? (plan.guarded ? `guarded (${plan.guardStrength ?? '?'} troops)` : plan.covered ? 'covered by a QRF' : 'not protected') : '';
    return `<b>${escapeHtml(s.name)}</b><br>${escapeHtml(label)}${s.control === 'occupied' ? ' · occupied' : ''}${state ? '<br>' + state : ''}`;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
