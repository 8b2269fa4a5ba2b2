import type { SweepPoint } from '../api/types';

const W = 640, H = 300, L = 64, R = 28, T = 24, B = 44;

/**
 * The cap sweep as an SVG line chart: criticality-weighted protection against the troop cap,
 * each point labelled with the sites it guards and covers, and the current plan marked.
 */
export function sweepChart(points: SweepPoint[], current: { cap?: number; objective?: number } | null, caption: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'sweep-chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Protection against troop cap. ${caption}`);
  const ok = points.filter((p) => Number.isFinite(p.objective) && (p.status === 'OPTIMAL' || p.status === 'FEASIBLE'));
  const caps = [...ok.map((p) => p.cap), ...(current?.cap ? [current.cap] : [])];
  const objs = [...ok.map((p) => p.objective), ...(current?.objective ? [current.objective] : [])];
  if (caps.length === 0) {
    svg.innerHTML = `<text x="${W / 2}" y="${H / 2}" text-anchor="middle">No sweep to draw</text>`;
    return svg;
  }
  const x0 = Math.min(...caps), x1 = Math.max(...caps);
  const y1 = niceCeil(Math.max(...objs) * 1.05);
  const sx = (x: number) => L + ((x - x0) / Math.max(1, x1 - x0)) * (W - L - R);
  const sy = (y: number) => H - B - (y / y1) * (H - T - B);
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = (y1 * i) / 4;
    parts.push(`<line class="grid" x1="${L}" x2="${W - R}" y1="${sy(v)}" y2="${sy(v)}"/>`);
    parts.push(`<text class="tick" x="${L - 6}" y="${sy(v) + 4}" text-anchor="end">${Math.round(v)}</text>`);
  }
  for (const p of ok) parts.push(`<text class="tick" x="${sx(p.cap)}" y="${H - B + 16}" text-anchor="middle">${(p.cap / 1000).toFixed(1)}k</text>`);
  parts.push(`<text class="axis" x="${(L + W - R) / 2}" y="${H - 6}" text-anchor="middle">troop cap</text>`);
  parts.push(`<text class="axis" x="14" y="${(T + H - B) / 2}" text-anchor="middle" transform="rotate(-90 14 ${(T + H - B) / 2})">protection</text>`);
  const sorted = [...ok].sort((a, b) => a.cap - b.cap);
  parts.push(`<polyline class="sweep-line" points="${sorted.map((p) => `${sx(p.cap)},${sy(p.objective)}`).join(' ')}"/>`);
  for (const p of sorted) {
    parts.push(`<circle class="sweep-point" cx="${sx(p.cap)}" cy="${sy(p.objective)}" r="4"><title>cap ${p.cap}: protection ${p.objective}, ${p.guarded} guarded, ${p.covered} covered, ${p.totalStrength} troops</title></circle>`);
    parts.push(`<text class="point-label" x="${sx(p.cap)}" y="${sy(p.objective) - 9}" text-anchor="middle">${p.guarded}g/${p.covered}c</text>`);
  }
  if (current?.cap && current.objective !== undefined) {
    parts.push(`<circle class="current-point" cx="${sx(current.cap)}" cy="${sy(current.objective)}" r="7"><title>current plan: cap ${current.cap}, protection ${current.objective}</title></circle>`);
  }
  svg.innerHTML = parts.join('');
  return svg;
}

function niceCeil(v: number): number {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  return Math.ceil(v / p) * p;
}

/** The rows of a sweep.csv (cap,status,objective,bound,totalStrength,guarded,covered). */
export function parseSweepCsv(csv: string): SweepPoint[] {
  const [head, ...lines] = csv.trim().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((line) => {
    const v = line.split(',');
    const get = (name: string) => v[cols.indexOf(name)];
    return {
      cap: Number(get('cap')),
      status: get('status'),
      objective: Number(get('objective')),
      totalStrength: Number(get('totalStrength')),
      guarded: Number(get('guarded')),
      covered: Number(get('covered')),
    };
  });
}
