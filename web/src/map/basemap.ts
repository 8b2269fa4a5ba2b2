import L from 'leaflet';
import type { TheatreGeo } from '../api/types';

/**
 * The offline base map: no tile server, only the theatre's own GeoJSON (neighbours, border,
 * occupied area, stand-off band, line of contact) drawn as SVG paths, so the COP works with
 * no network at all. Each layer's paths carry a class (vigil-border, vigil-contact-line, ...)
 * that the stylesheet colours and tests look for.
 */
export function createMap(container: HTMLElement): L.Map {
  const map = L.map(container, {
    zoomControl: true,
    attributionControl: false,
    preferCanvas: false,
    minZoom: 4,
    maxZoom: 13,
    worldCopyJump: false,
  }).setView([48.6, 31.5], 6);
  map.createPane('theatre-base').style.zIndex = '210';
  map.createPane('theatre-lines').style.zIndex = '380';
  return map;
}

const STYLES: Record<string, L.PathOptions & { pane: string }> = {
  neighbour: { className: 'vigil-neighbour', color: '#8a8f98', weight: 1, fillColor: '#d7d9dc', fillOpacity: 1, pane: 'theatre-base' },
  border: { className: 'vigil-border', color: '#1f3b5a', weight: 2, fillColor: '#f4f1e8', fillOpacity: 1, pane: 'theatre-base' },
  occupied: { className: 'vigil-occupied', color: '#9b2c2c', weight: 1, fillColor: '#e7b4ad', fillOpacity: 0.75, pane: 'theatre-base' },
  standoff: { className: 'vigil-standoff', color: '#c47f00', weight: 1, dashArray: '4 4', fillColor: '#f2c14e', fillOpacity: 0.25, pane: 'theatre-lines' },
  contactLine: { className: 'vigil-contact-line', color: '#c0392b', weight: 3, fill: false, pane: 'theatre-lines' },
};

/**
 * Layers drawn on a canvas instead of SVG: the neighbours are large polygons that only
 * set the scene, and redrawing them as SVG paths after every pan or zoom is the base map's
 * main cost. The border, occupied area, band and line stay SVG paths with their classes.
 */
const ON_CANVAS = new Set(['neighbour']);

/** Draws the theatre; returns a layer group that replaceStandoff can update. */
export class TheatreLayers {
  private readonly groups = new Map<string, L.GeoJSON>();
  private readonly canvas = L.canvas({ padding: 0.2, pane: 'theatre-base' });

  constructor(private readonly map: L.Map) {}

  draw(theatre: TheatreGeo): void {
    for (const g of this.groups.values()) g.remove();
    this.groups.clear();
    const byLayer = new Map<string, GeoJSON.Feature[]>();
    for (const f of theatre.features) {
      const layer = String(f.properties?.layer ?? 'border');
      if (!byLayer.has(layer)) byLayer.set(layer, []);
      byLayer.get(layer)!.push(f);
    }
    // Draw order: neighbours under the border, the band and the line on top.
    for (const layer of ['neighbour', 'border', 'occupied', 'standoff', 'contactLine']) {
      const features = byLayer.get(layer);
      if (!features) continue;
      const style = STYLES[layer];
      const g = L.geoJSON({ type: 'FeatureCollection', features } as GeoJSON.FeatureCollection, {
        style: () => ({ ...style, smoothFactor: 1.5, ...(ON_CANVAS.has(layer) ? { renderer: this.canvas } : {}) }),
        pane: style.pane,
        interactive: layer === 'contactLine' || layer === 'standoff',
        onEachFeature: (f, l) => {
          const p = f.properties ?? {};
          if (layer === 'contactLine') l.bindTooltip(String(p.name ?? 'Line of contact'), { sticky: true });
          if (layer === 'standoff') l.bindTooltip(`Stand-off band: ${p.standoffKm ?? '?'} km from the line of contact`, { sticky: true });
        },
      }).addTo(this.map);
      this.groups.set(layer, g);
    }
    const border = this.groups.get('border');
    if (border) this.map.fitBounds(border.getBounds(), { padding: [10, 10] });
  }

  /** Swaps in a new stand-off band (after a plan with another stand-off). */
  replaceStandoff(theatre: TheatreGeo): void {
    const features = theatre.features.filter((f) => f.properties?.layer === 'standoff');
    this.groups.get('standoff')?.remove();
    const style = STYLES.standoff;
    this.groups.set('standoff', L.geoJSON({ type: 'FeatureCollection', features } as GeoJSON.FeatureCollection, {
      style: () => style,
      pane: style.pane,
    }).addTo(this.map));
    this.groups.get('contactLine')?.bringToFront();
  }
}
