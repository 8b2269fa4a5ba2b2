import type L from 'leaflet';
import type { LiveMessage, Track } from '../api/types';
import { symbolCacheSize } from '../tracks/symbols';
import type { FrameStats } from './frames';

/**
 * window.__vigilPerf: measures the live map under load. inject(n) feeds n synthetic tracks
 * through the same queue the WebSocket fills, batched as the server batches (every 500 ms,
 * each track moving once a second); measure(ms) then reports frame statistics while the map
 * is also panned and zoomed, the way a watch officer would use it.
 */
export interface PerfHook {
  inject(count?: number): number;
  stopInjection(): void;
  measure(durationMs?: number, options?: { panAndZoom?: boolean }): Promise<Record<string, number>>;
  summary(): Record<string, number>;
}

export function installPerfHook(
  map: L.Map,
  stats: FrameStats,
  feed: { inject(messages: LiveMessage[]): void },
  shownTracks: () => number,
  drawMs: number[] = [],
): PerfHook {
  let timer: number | undefined;
  const hook: PerfHook = {
    inject(count = 5000) {
      window.clearInterval(timer);
      const rand = mulberry32(7);
      const kinds = ['ground', 'ground', 'ground', 'air', 'sea'];
      const tracks: Track[] = [];
      for (let i = 0; i < count; i++) {
        tracks.push({
          id: `perf-${i}`,
          lat: 45.5 + rand() * 6.5,
          lon: 23.5 + rand() * 16,
          speedMps: 2 + rand() * 30,
          courseDeg: rand() * 360,
          sigmaM: 20 + rand() * 400,
          updated: new Date().toISOString(),
          kind: kinds[i % kinds.length],
        });
      }
      feed.inject([{ type: 'tracks', tracks }]);
      let half = 0;
      timer = window.setInterval(() => {
        const batch: Track[] = [];
        const now = new Date().toISOString();
        for (let i = half; i < tracks.length; i += 2) {
          const t = tracks[i];
          if (rand() < 0.05) t.courseDeg = (t.courseDeg + (rand() - 0.5) * 90 + 360) % 360;
          const c = (t.courseDeg * Math.PI) / 180;
          const metres = t.speedMps * 60; // a minute's travel per update, so motion is visible
          t.lat += (metres * Math.cos(c)) / 111_320;
          t.lon += (metres * Math.sin(c)) / (111_320 * Math.cos((t.lat * Math.PI) / 180));
          batch.push({ ...t, updated: now });
        }
        half = 1 - half;
        feed.inject([{ type: 'tracks', tracks: batch }]);
      }, 500);
      return count;
    },
    stopInjection() {
      window.clearInterval(timer);
    },
    async measure(durationMs = 10000, options = { panAndZoom: true }) {
      stats.reset();
      drawMs.length = 0;
      const start = performance.now();
      const centre = map.getCenter();
      const zoom = map.getZoom();
      let step = 0;
      while (performance.now() - start < durationMs) {
        await sleep(1000);
        if (options.panAndZoom) {
          step++;
          if (step % 3 === 0) map.setZoom(step % 6 === 0 ? zoom : zoom + 1, { animate: false });
          else map.panBy([step % 2 === 0 ? 120 : -120, 40], { animate: false });
        }
      }
      map.setView(centre, zoom, { animate: false });
      const draws = [...drawMs].sort((a, b) => a - b);
      const q = (f: number) => (draws.length ? Math.round(draws[Math.min(draws.length - 1, Math.floor(f * (draws.length - 1) + 0.5))] * 100) / 100 : 0);
      return { ...stats.summary(), canvasDraws: draws.length, canvasP50Ms: q(0.5), canvasP95Ms: q(0.95), canvasMaxMs: q(1), tracksShown: shownTracks(), symbolImages: symbolCacheSize(), durationMs };
    },
    summary() {
      return { ...stats.summary(), tracksShown: shownTracks(), symbolImages: symbolCacheSize() };
    },
  };
  (window as unknown as { __vigilPerf: PerfHook }).__vigilPerf = hook;
  return hook;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A small seeded generator, so every run injects the same tracks. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
