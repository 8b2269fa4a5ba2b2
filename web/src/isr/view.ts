import L from 'leaflet';
import { ApiError, type ApiClient } from '../api/client';
import type { TheatreGeo } from '../api/types';
import { TheatreLayers, createMap } from '../map/basemap';
import { readIsrPlan, requirementsFromCoverage, type IsrPlanView } from './model';

/**
 * The ISR view: the collection plan as a timeline per asset, coverage by segment or cell on
 * the offline base map, unmet requirements highlighted. Until the server exposes an ISR plan
 * it says so plainly instead of drawing anything invented.
 */
export class IsrView {
  private map: L.Map | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: ApiClient,
    private readonly theatre: () => Promise<TheatreGeo>,
  ) {
    root.innerHTML = `<div class="page" id="isr-page"><section class="panel"><h2>ISR collection plan</h2><p class="muted">Loading…</p></section></div>`;
  }

  async load(): Promise<void> {
    const page = this.root.querySelector('#isr-page')!;
    let raw: unknown;
    try {
      raw = await this.api.isrPlan();
    } catch (e) {
      const absent = e instanceof ApiError && (e.status === 404 || e.status === 405);
      // vigil demo (or serve --plan-isr) makes one in the background: say so, and look again
      const planning = absent && /an ISR plan is being made/.test((e as ApiError).body);
      page.innerHTML = `<section class="panel"><h2>ISR collection plan</h2><p class="empty-state" id="isr-empty"></p></section>`;
      page.querySelector('#isr-empty')!.textContent = planning
        ? 'The ISR collection plan is being made in the background; it shows here when done (usually within a minute).'
        : absent
          ? 'No ISR plan yet. When the ISR planner has written a collection plan, this page shows it as a timeline per asset with coverage by segment and unmet requirements.'
          : `The ISR plan could not be loaded: ${e}`;
      if (planning) {
        page.querySelector('#isr-empty')!.classList.add('planning');
        setTimeout(() => void this.load(), 5000);
      }
      return;
    }
    const plan = readIsrPlan(raw);
    let coverage: GeoJSON.FeatureCollection | null = null;
    try {
      coverage = await this.api.isrCoverage();
    } catch {
      /* a plan without a coverage layer still has its timeline */
    }
    if (plan.requirements.length === 0 && coverage) plan.requirements = requirementsFromCoverage(coverage);
    page.classList.add('isr-layout');
    page.innerHTML = `
      <section class="panel isr-timeline-panel"><h2>ISR collection plan <span class="plan-status"></span></h2><div id="isr-timeline"></div></section>
      <section class="panel"><h2>Requirements</h2><ul id="isr-requirements" class="requirements"></ul></section>
      <section class="panel"><h2>Coverage</h2><div id="isr-map" class="map small-map"></div></section>`;
    page.querySelector('.plan-status')!.textContent = plan.status ?? '';
    this.renderTimeline(page.querySelector('#isr-timeline')!, plan);
    this.renderRequirements(page.querySelector('#isr-requirements')!, plan);
    await this.renderCoverage(page.querySelector<HTMLElement>('#isr-map')!, coverage);
  }

  shown(): void {
    this.map?.invalidateSize();
  }

  private renderTimeline(box: Element, plan: IsrPlanView): void {
    if (!plan.horizon || plan.tasks.length === 0) {
      box.innerHTML = '<p class="empty-state">The plan has no scheduled collection.</p>';
      return;
    }
    const assets = [...new Set(plan.tasks.map((t) => t.asset))].sort();
    const unmet = new Set(plan.requirements.filter((r) => !r.met).map((r) => r.id));
    const W = Math.max(700, (box as HTMLElement).clientWidth || 1200), rowH = 15, left = 150, top = 22;
    const H = top + assets.length * rowH + 10;
    const { start, end } = plan.horizon;
    const sx = (t: number) => left + ((t - start) / (end - start)) * (W - left - 50);
    const parts: string[] = [];
    const hours = (end - start) / 3.6e6;
    const stepH = hours > 48 ? 12 : hours > 12 ? 3 : 1;
    for (let h = 0; h <= hours; h += stepH) {
      const x = sx(start + h * 3.6e6);
      parts.push(`<line class="grid" x1="${x}" x2="${x}" y1="${top - 4}" y2="${H}"/>`);
      parts.push(`<text class="tick" x="${x}" y="${top - 8}" text-anchor="middle">${new Date(start + h * 3.6e6).toISOString().slice(5, 16).replace('T', ' ')}</text>`);
    }
    assets.forEach((a, i) => {
      const y = top + i * rowH;
      parts.push(`<text class="asset" x="${left - 8}" y="${y + 11}" text-anchor="end">${esc(a)}</text>`);
      for (const t of plan.tasks.filter((t) => t.asset === a)) {
        const x = sx(t.start), w = Math.max(2, sx(t.end) - x);
        const touchesUnmet = t.areas.some((id) => unmet.has(id));
        parts.push(`<rect class="task${touchesUnmet ? ' unmet' : ''}" x="${x}" y="${y + 2}" width="${w}" height="${rowH - 4}" data-asset="${esc(a)}"><title>${esc(a)} ${esc(t.kind)} → ${esc(t.areas.join(', '))}: ${new Date(t.start).toISOString().slice(11, 16)}–${new Date(t.end).toISOString().slice(11, 16)}Z</title></rect>`);
      }
    });
    box.innerHTML = `<div class="timeline-scroll"><svg class="isr-timeline" width="${W}" height="${H}" role="img" aria-label="Collection timeline per asset">${parts.join('')}</svg></div>` +
      `<p class="muted">${plan.tasks.length} tasks by ${assets.length} assets over ${hours.toFixed(0)} h (UTC). Red: the task watches an area whose revisit requirement is still unmet.</p>`;
  }

  private renderRequirements(list: Element, plan: IsrPlanView): void {
    const sorted = [...plan.requirements].sort((a, b) => Number(a.met) - Number(b.met));
    if (sorted.length === 0) {
      list.innerHTML = '<li class="muted">The plan lists no requirements.</li>';
      return;
    }
    const unmetCount = sorted.filter((r) => !r.met).length;
    const head = document.createElement('li');
    head.className = 'muted';
    head.textContent = `${sorted.length - unmetCount} of ${sorted.length} areas watched as often as required; ${unmetCount} unmet.`;
    list.appendChild(head);
    for (const r of sorted) {
      const li = document.createElement('li');
      li.className = r.met ? 'met' : 'unmet';
      li.dataset.requirementId = r.id;
      li.textContent = `${r.met ? '✔' : '✖ UNMET'} ${r.id}${r.detail ? ' — ' + r.detail : ''}`;
      list.appendChild(li);
    }
  }

  private async renderCoverage(el: HTMLElement, coverage: GeoJSON.FeatureCollection | null): Promise<void> {
    this.map = createMap(el);
    try {
      new TheatreLayers(this.map).draw(await this.theatre());
    } catch {
      /* the coverage still means something without the base map */
    }
    if (!coverage) {
      const note = document.createElement('p');
      note.className = 'muted';
      note.textContent = 'No coverage layer published.';
      el.after(note);
      return;
    }
    L.geoJSON(coverage, {
      pointToLayer: (_f, at) => L.circleMarker(at, { radius: 7 }),
      style: (f) => {
        const p = (f?.properties ?? {}) as Record<string, unknown>;
        const met = p.satisfied ?? p.met ?? p.covered;
        const unmet = met === false;
        return { className: unmet ? 'coverage unmet' : 'coverage met', color: unmet ? '#d0021b' : '#1f7a4d', weight: unmet ? 4 : 2, fillOpacity: unmet ? 0.35 : 0.2 };
      },
      onEachFeature: (f, l) => {
        const p = (f.properties ?? {}) as Record<string, unknown>;
        const met = (p.satisfied ?? p.met) !== false;
        l.bindTooltip(`<b>${esc(String(p.name ?? p.id ?? ''))}</b><br>${met ? 'requirement met' : '<b>UNMET</b>'}` +
          (p.maxGapMinutes !== undefined ? `<br>longest gap ${esc(String(p.maxGapMinutes))} min of ${esc(String(p.requirementMinutes ?? '?'))}` : ''));
      },
    }).addTo(this.map);
  }
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
