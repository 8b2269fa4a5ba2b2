import L from 'leaflet';
import type { Track } from '../api/types';
import { ChunkedRenderer, type DrawSource, type DrawView } from './renderer';
import { CROWDED_SYMBOL_SIZE, directionBucket, sidcFor, symbolFor, type SymbolImage } from './symbols';

const TRAIL_POINTS = 20;
/** Above this many tracks in view, symbols are drawn smaller and trails shorter. */
const CROWDED_TRACKS = 1500;
const CROWDED_TRAIL_POINTS = 5;
const EARTH_CIRCUMFERENCE_M = 40075016.686;
const CULL_MARGIN_PX = 40;
/**
 * How many marker elements may be moved in one frame, and for how long: the browser's style
 * work after the script is proportional to the count, so the count is capped, not only the time.
 */
const DOM_MOVES_PER_FRAME = 400;
const DOM_BUDGET_MS = 3;
/** In a crowded view the elements are not laid out; 150 a frame still moves 9,000 a second. */
const CROWDED_DOM_MOVES_PER_FRAME = 150;
const CROWDED_PICTURE_INTERVAL_MS = 1000;
/**
 * Above this many tracks in view the marker elements are no longer laid out (their container
 * is display:none): they still carry data-track-id and their position in style.transform, but
 * laying out 5,000 absolutely positioned elements costs the browser more than the frame budget
 * (measured: most of the frame time at 5,000 tracks). The canvas is the picture either way.
 */
const LAID_OUT_MARKERS_MAX = 1500;
/** How long the canvas picture may be drawn for in one frame. */
const CANVAS_BUDGET_MS = 8;

/** What the layer keeps per track: its latest state, projected trail and its marker element. */
interface Shown {
  track: Track;
  /** Web Mercator pixels at zoom 0 (0..256), newest last: x0, y0, x1, y1, ... */
  trail: number[];
  symbol: SymbolImage;
  /** The same symbol smaller, for crowded views. */
  small: SymbolImage;
  el: HTMLDivElement;
  visible: boolean;
  /** Where the element was last put (layer pixels), so an unchanged pixel costs no style work. */
  px: number;
  py: number;
}

/**
 * Live tracks drawn for thousands at a time. The picture - milsymbol symbols from a cache,
 * trails, one-sigma uncertainty circles to scale - is one canvas, redrawn when anything
 * changed by a ChunkedRenderer that spreads the work over frames within a budget. Each track
 * also has an invisible DOM element on its position carrying data-track-id (for people's own
 * tools and tests); those are moved a few hundred per frame so the browser never stalls on
 * style work. Clicks are hit-tested against the tracks' positions, not the elements. Positions are kept
 * projected at zoom 0, so a zoom only multiplies. Changes are applied in flush(), once per
 * animation frame.
 */
export class TrackLayer extends L.Layer {
  private readonly shown = new Map<string, Shown>();
  /** Tracks whose marker element still has to be moved (insertion order: oldest first). */
  private readonly domQueue = new Set<string>();
  private container!: HTMLDivElement;
  private canvas!: HTMLCanvasElement;
  private canvasDirty = true;
  private popup: L.Popup | null = null;
  private zooming = false;
  private renderer!: ChunkedRenderer;
  private crowded = false;
  private viewChanged = true;
  private pictureStarted = 0;
  /** How long each recent picture took from start to screen (over several frames), for the performance hook. */
  readonly drawMs: number[] = [];

  override onAdd(map: L.Map): this {
    const pane = map.getPane('tracks') ?? map.createPane('tracks');
    pane.style.zIndex = '620';
    this.canvas = L.DomUtil.create('canvas', 'track-canvas', pane) as HTMLCanvasElement;
    this.renderer = new ChunkedRenderer(this.canvas);
    // Capture phase: the symbols are drawn above the sites, so a click on a symbol is the
    // track's even where a site marker lies under it.
    map.getContainer().addEventListener('click', this.clickListener, true);
    this.container = L.DomUtil.create('div', 'track-layer', pane) as HTMLDivElement;
    for (const s of this.shown.values()) this.container.appendChild(s.el);
    this.queueAll();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.getContainer().removeEventListener('click', this.clickListener, true);
    this.container.remove();
    this.canvas.remove();
    return this;
  }

  override getEvents(): { [name: string]: L.LeafletEventHandlerFn } {
    return {
      zoomstart: () => {
        this.zooming = true;
        this.renderer.cancel();
        this.container.style.visibility = 'hidden';
        this.canvas.style.visibility = 'hidden';
      },
      zoomend: () => {
        this.zooming = false;
        this.container.style.visibility = '';
        this.queueAll(); // the canvas shows again with the first picture at the new zoom
      },
      moveend: () => this.queueAll(),
      resize: () => this.queueAll(),
      mousemove: (e) => this.onMapMove(e as L.LeafletMouseEvent),
    };
  }

  get size(): number {
    return this.shown.size;
  }

  /** Adds or moves a track; its trail grows when the position changed. */
  upsert(track: Track): void {
    let s = this.shown.get(track.id);
    const sidc = sidcFor(track);
    const bucket = directionBucket(track);
    const symbol = symbolFor(sidc, bucket);
    const small = symbolFor(sidc, bucket, CROWDED_SYMBOL_SIZE);
    if (!s) {
      const el = document.createElement('div');
      el.className = 'track';
      el.dataset.trackId = track.id;
      s = { track, trail: [], symbol, small, el, visible: true, px: NaN, py: NaN };
      this.shown.set(track.id, s);
      this.container?.appendChild(el);
    }
    s.track = track;
    s.symbol = symbol;
    s.small = small;
    const p = L.CRS.EPSG3857.latLngToPoint(L.latLng(track.lat, track.lon), 0);
    const n = s.trail.length;
    if (n === 0 || s.trail[n - 2] !== p.x || s.trail[n - 1] !== p.y) {
      s.trail.push(p.x, p.y);
      if (s.trail.length > TRAIL_POINTS * 2) s.trail.splice(0, s.trail.length - TRAIL_POINTS * 2);
    }
    this.domQueue.delete(track.id); // re-queue at the end: the newest change waits its turn
    this.domQueue.add(track.id);
    this.canvasDirty = true;
  }

  removeTrack(id: string): void {
    const s = this.shown.get(id);
    if (!s) return;
    s.el.remove();
    this.shown.delete(id);
    this.domQueue.delete(id);
    this.canvasDirty = true;
  }

  clear(): void {
    for (const s of this.shown.values()) s.el.remove();
    this.shown.clear();
    this.domQueue.clear();
    this.canvasDirty = true;
  }

  /** Redraws the canvas if anything changed and moves marker elements within the budget; returns how many it moved. */
  flush(): number {
    if (!this._map || this.zooming) return 0;
    const view = this.view();
    // A new picture starts when the last one is on screen, so a steady feed cannot starve it;
    // in a crowded view at most one a second (each track moves once a second anyway), unless
    // the view itself changed.
    const due = this.viewChanged || !this.crowded || performance.now() - this.pictureStarted >= CROWDED_PICTURE_INTERVAL_MS;
    if (this.canvasDirty && !this.renderer.drawing && due) {
      this.startPicture(view);
      this.canvasDirty = false;
      this.viewChanged = false;
    }
    this.renderer.step(CANVAS_BUDGET_MS);
    if (this.domQueue.size === 0) return 0;
    const start = performance.now();
    let moved = 0;
    for (const id of this.domQueue) {
      this.domQueue.delete(id);
      const s = this.shown.get(id);
      if (s) {
        this.placeMarker(s, view);
        moved++;
      }
      if (moved >= (this.crowded ? CROWDED_DOM_MOVES_PER_FRAME : DOM_MOVES_PER_FRAME) || ((moved & 63) === 0 && performance.now() - start > DOM_BUDGET_MS)) break;
    }
    return moved;
  }

  private view() {
    const map = this._map!;
    const scale = Math.pow(2, map.getZoom());
    const origin = map.getPixelOrigin();
    const size = map.getSize();
    const topLeft = map.containerPointToLayerPoint([0, 0]);
    return { scale, origin, size, topLeft };
  }

  private placeMarker(s: Shown, v: ReturnType<TrackLayer['view']>): void {
    const n = s.trail.length;
    const x = s.trail[n - 2] * v.scale - v.origin.x;
    const y = s.trail[n - 1] * v.scale - v.origin.y;
    const inView = x >= v.topLeft.x - CULL_MARGIN_PX && x <= v.topLeft.x + v.size.x + CULL_MARGIN_PX &&
      y >= v.topLeft.y - CULL_MARGIN_PX && y <= v.topLeft.y + v.size.y + CULL_MARGIN_PX;
    if (inView !== s.visible) {
      s.visible = inView;
      s.el.style.display = inView ? '' : 'none';
    }
    if (!inView) return;
    const px = Math.round(x), py = Math.round(y);
    if (px === s.px && py === s.py) return;
    s.px = px;
    s.py = py;
    s.el.style.transform = `translate(${px}px,${py}px)`;
  }

  private queueAll(): void {
    for (const id of this.shown.keys()) this.domQueue.add(id);
    this.canvasDirty = true;
    this.viewChanged = true;
  }

  /** Hands the tracks to the chunked renderer with the current view; it culls and draws them slice by slice. */
  private startPicture(v: ReturnType<TrackLayer['view']>): void {
    let inView = 0;
    for (const s of this.shown.values()) if (s.visible) inView++;
    // A crowded view gets smaller symbols and shorter trails: they would overlap anyway, and
    // the picture costs in proportion to the pixels and segments drawn.
    const crowded = inView > CROWDED_TRACKS;
    this.crowded = crowded;
    const items: DrawSource[] = [];
    for (const s of this.shown.values()) {
      items.push({ trail: s.trail, sigmaM: s.track.sigmaM, lat: s.track.lat, symbol: crowded ? s.small : s.symbol });
    }
    this.container.classList.toggle('dense', inView > LAID_OUT_MARKERS_MAX);
    const topLeft = v.topLeft;
    const view: DrawView = {
      scale: v.scale,
      ox: v.origin.x + topLeft.x,
      oy: v.origin.y + topLeft.y,
      width: v.size.x,
      height: v.size.y,
      marginPx: CULL_MARGIN_PX,
      trailPoints: crowded ? CROWDED_TRAIL_POINTS : TRAIL_POINTS,
      metresPerPixelAtEquator: EARTH_CIRCUMFERENCE_M / (256 * v.scale),
    };
    this.pictureStarted = performance.now();
    this.renderer.begin(items, view, window.devicePixelRatio || 1, () => {
      const c = this.canvas;
      c.style.width = `${view.width}px`;
      c.style.height = `${view.height}px`;
      L.DomUtil.setPosition(c, topLeft);
      c.style.visibility = '';
      this.drawMs.push(performance.now() - this.pictureStarted);
      if (this.drawMs.length > 1000) this.drawMs.splice(0, 500);
    });
  }

  /** The track drawn nearest a point of the map container, within a symbol's reach. */
  nearest(point: L.Point, reachPx = 12): Track | undefined {
    if (!this._map) return undefined;
    const v = this.view();
    const ox = v.origin.x + v.topLeft.x, oy = v.origin.y + v.topLeft.y;
    let best: Shown | undefined;
    let bestD = reachPx * reachPx;
    for (const s of this.shown.values()) {
      const n = s.trail.length;
      const dx = s.trail[n - 2] * v.scale - ox - point.x, dy = s.trail[n - 1] * v.scale - oy - point.y;
      const d = dx * dx + dy * dy;
      if (d <= bestD) {
        bestD = d;
        best = s;
      }
    }
    return best?.track;
  }

  private readonly clickListener = (e: MouseEvent) => this.onClick(e);

  private onClick(e: MouseEvent): void {
    const map = this._map;
    if (!map || (map.dragging as L.Handler & { moved?: () => boolean })?.moved?.()) return;
    if ((e.target as HTMLElement).closest('.leaflet-control, .leaflet-popup')) return;
    const track = this.nearest(map.mouseEventToContainerPoint(e));
    if (!track) return;
    e.stopPropagation();
    this.popup?.remove();
    const content = document.createElement('pre');
    content.className = 'track-popup';
    content.textContent = describe(track);
    this.popup = L.popup({ offset: [0, -8], minWidth: 200, maxWidth: 360 }).setLatLng([track.lat, track.lon]).setContent(content).openOn(map);
  }

  private onMapMove(e: L.LeafletMouseEvent): void {
    const over = this.nearest(e.containerPoint) !== undefined;
    this._map?.getContainer().classList.toggle('over-track', over);
  }
}

export function describe(t: Track): string {
  return [
    `Track ${t.id} (${t.kind ?? 'unknown'})`,
    `${t.lat.toFixed(4)}, ${t.lon.toFixed(4)}`,
    `${(t.speedMps * 3.6).toFixed(0)} km/h, course ${Math.round(t.courseDeg)}°`,
    `±${Math.round(t.sigmaM)} m (1σ)`,
    `updated ${new Date(t.updated).toISOString().slice(11, 19)}Z`,
  ].join('\n');
}
