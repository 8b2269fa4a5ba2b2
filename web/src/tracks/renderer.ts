import type { SymbolImage } from './symbols';

/** A track as the renderer sees it: its trail in Web Mercator pixels at zoom 0, newest last. */
export interface DrawSource {
  trail: number[];
  sigmaM: number;
  lat: number;
  symbol: SymbolImage;
}

/** From zoom-0 Mercator pixels to canvas pixels: x * scale - ox; and what counts as in view. */
export interface DrawView {
  scale: number;
  ox: number;
  oy: number;
  width: number;
  height: number;
  marginPx: number;
  metresPerPixelAtEquator: number;
  /** How many of the newest trail points to draw. */
  trailPoints: number;
}

const CHUNK = 100;

/**
 * Draws a picture of thousands of tracks without holding up a frame: the picture is built on a
 * back buffer a slice at a time (trails, then one-sigma uncertainty circles, then symbols),
 * each frame stopping at its time budget, and copied to the visible canvas in one blit when
 * complete. Positions are worked out slice by slice too, so starting a picture costs nothing.
 * A picture of 5,000 tracks thus costs a few frames of latency instead of one long frame.
 */
export class ChunkedRenderer {
  private readonly back = document.createElement('canvas');
  private items: DrawSource[] = [];
  private view: DrawView | null = null;
  private phase = 0; // 0 trails, 1 circles, 2 symbols, 3 done
  private index = 0;
  private busy = false;
  private onDone: (() => void) | null = null;

  constructor(private readonly front: HTMLCanvasElement) {}

  get drawing(): boolean {
    return this.busy;
  }

  /** Starts a new picture (any picture in progress is dropped); onDone runs when it is on screen. */
  begin(items: DrawSource[], view: DrawView, ratio: number, onDone: () => void): void {
    if (this.back.width !== view.width * ratio || this.back.height !== view.height * ratio) {
      this.back.width = view.width * ratio;
      this.back.height = view.height * ratio;
    }
    const ctx = this.back.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, view.width, view.height);
    this.items = items;
    this.view = view;
    this.phase = 0;
    this.index = 0;
    this.busy = true;
    this.onDone = onDone;
  }

  /** Drops the picture in progress (the view it was drawn for is gone). */
  cancel(): void {
    this.busy = false;
    this.items = [];
    this.onDone = null;
  }

  /** Draws until the budget is spent; returns true when the picture was completed (and shown). */
  step(budgetMs: number): boolean {
    if (!this.busy || !this.view) return false;
    const start = performance.now();
    const ctx = this.back.getContext('2d')!;
    while (this.phase < 3 && performance.now() - start < budgetMs) {
      const end = Math.min(this.items.length, this.index + CHUNK);
      if (this.phase === 0) this.trails(ctx, this.index, end, this.view);
      else if (this.phase === 1) this.circles(ctx, this.index, end, this.view);
      else this.symbols(ctx, this.index, end, this.view);
      this.index = end;
      if (this.index >= this.items.length) {
        this.phase++;
        this.index = 0;
      }
    }
    if (this.phase < 3) return false;
    const f = this.front;
    if (f.width !== this.back.width || f.height !== this.back.height) {
      f.width = this.back.width;
      f.height = this.back.height;
    }
    const fctx = f.getContext('2d')!;
    fctx.clearRect(0, 0, f.width, f.height);
    fctx.drawImage(this.back, 0, 0);
    this.busy = false;
    this.items = [];
    const done = this.onDone;
    this.onDone = null;
    done?.();
    return true;
  }

  private inView(x: number, y: number, v: DrawView): boolean {
    return x >= -v.marginPx && y >= -v.marginPx && x <= v.width + v.marginPx && y <= v.height + v.marginPx;
  }

  private trails(ctx: CanvasRenderingContext2D, from: number, to: number, v: DrawView): void {
    const path = new Path2D();
    for (let k = from; k < to; k++) {
      const t = this.items[k].trail;
      const n = t.length;
      if (n < 4 || !this.inView(t[n - 2] * v.scale - v.ox, t[n - 1] * v.scale - v.oy, v)) continue;
      const first = Math.max(0, n - 2 * v.trailPoints);
      path.moveTo(t[first] * v.scale - v.ox, t[first + 1] * v.scale - v.oy);
      for (let i = first + 2; i < n; i += 2) path.lineTo(t[i] * v.scale - v.ox, t[i + 1] * v.scale - v.oy);
    }
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = 'rgba(90, 40, 120, 0.6)';
    ctx.stroke(path);
  }

  private circles(ctx: CanvasRenderingContext2D, from: number, to: number, v: DrawView): void {
    const path = new Path2D();
    let any = false;
    for (let k = from; k < to; k++) {
      const it = this.items[k];
      const r = it.sigmaM / (v.metresPerPixelAtEquator * Math.cos((it.lat * Math.PI) / 180));
      if (r < 3) continue;
      const n = it.trail.length;
      const x = it.trail[n - 2] * v.scale - v.ox, y = it.trail[n - 1] * v.scale - v.oy;
      if (!this.inView(x, y, v)) continue;
      path.moveTo(x + r, y);
      path.arc(x, y, r, 0, 2 * Math.PI);
      any = true;
    }
    if (!any) return;
    ctx.fillStyle = 'rgba(255, 200, 0, 0.12)';
    ctx.fill(path);
    ctx.strokeStyle = 'rgba(200, 140, 0, 0.65)';
    ctx.lineWidth = 1;
    ctx.stroke(path);
  }

  private symbols(ctx: CanvasRenderingContext2D, from: number, to: number, v: DrawView): void {
    for (let k = from; k < to; k++) {
      const it = this.items[k];
      const n = it.trail.length;
      const x = it.trail[n - 2] * v.scale - v.ox, y = it.trail[n - 1] * v.scale - v.oy;
      if (!this.inView(x, y, v)) continue;
      const s = it.symbol;
      ctx.drawImage(s.canvas, Math.round(x - s.anchorX), Math.round(y - s.anchorY), s.width, s.height);
    }
  }
}
