import referenceSweepCsv from '../../../docs/sweep.csv?raw';
import { ApiError, type ApiClient } from '../api/client';
import type { PlanJob, PlanStation, StoredPosturePlan, SweepPoint } from '../api/types';
import { SITE_KINDS } from '../map/sites';
import { parseSweepCsv, sweepChart } from './chart';

const fmt = new Intl.NumberFormat('en-GB');

/**
 * The posture view: the latest plan (units at their stations with strength and nation;
 * guarded and covered sites), the cap sweep chart, and a form that runs a new plan with
 * another cap or stand-off, following the job's progress until the plan is saved. The chart
 * shows the sweep stored on the server (else the bundled reference); a second form runs a new
 * sweep over a list of caps, with its progress, and the chart redraws when it is stored.
 */
export class PostureView {
  private stored: StoredPosturePlan | null = null;
  private job: PlanJob | null = null;
  private pollTimer: number | undefined;
  private sweepJob: PlanJob | null = null;
  private sweepPollTimer: number | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: ApiClient,
    private readonly onPlanSaved: () => void,
  ) {
    root.innerHTML = `
      <div class="page posture-page">
        <div class="column">
        <section class="panel run-plan">
          <h2>Run a plan</h2>
          <form id="plan-form">
            <label>Troop cap <input name="cap" type="number" min="1000" max="100000" step="500" value="30000"></label>
            <label>Stand-off, km <input name="standoffKm" type="number" min="0" max="300" step="5" value="50"></label>
            <label>Time limit, s <input name="timeLimitS" type="number" min="5" max="600" step="5" value="30"></label>
            <button type="submit" id="run-plan">Run plan</button>
          </form>
          <div id="plan-progress" class="progress" hidden>
            <progress id="plan-progress-bar" max="1" value="0"></progress>
            <span id="plan-progress-text"></span>
          </div>
        </section>
        <section class="panel" id="plan-summary"><p class="muted">Loading the latest plan…</p></section>
        <section class="panel chart-panel">
          <h2>Protection against the troop cap</h2>
          <div id="sweep-chart"></div>
          <p id="sweep-caption" class="muted"></p>
          <form id="sweep-form">
            <label>Caps, troops <input name="caps" value="10000, 15000, 20000, 25000, 30000" title="2 to 12 caps, comma-separated"></label>
            <label>Time per cap, s <input name="timeLimitS" type="number" min="1" max="120" step="1" value="10"></label>
            <button type="submit" id="run-sweep">Run sweep</button>
          </form>
          <div id="sweep-progress" class="progress" hidden>
            <progress id="sweep-progress-bar" max="1" value="0"></progress>
            <span id="sweep-progress-text"></span>
          </div>
        </section>
        </div>
        <div class="column">
        <section class="panel"><h2>Units at stations</h2><div id="plan-stations"></div></section>
        <section class="panel"><h2>Guarded and covered sites</h2><div id="plan-sites"></div></section>
        </div>
      </div>`;
    root.querySelector('#plan-form')!.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.run(new FormData(e.target as HTMLFormElement));
    });
    root.querySelector('#sweep-form')!.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.runSweep(new FormData(e.target as HTMLFormElement));
    });
  }

  async load(): Promise<void> {
    try {
      this.stored = await this.api.posturePlan();
    } catch (e) {
      this.stored = null;
      this.root.querySelector('#plan-summary')!.innerHTML =
        e instanceof ApiError && e.status === 404
          ? '<h2>Current plan</h2><p class="empty-state">No posture plan yet. Run one above.</p>'
          : `<h2>Current plan</h2><p class="error"></p>`;
      if (!(e instanceof ApiError && e.status === 404)) this.root.querySelector('#plan-summary .error')!.textContent = String(e);
    }
    if (this.stored) {
      this.renderPlan(this.stored);
      // The form starts from the current plan, so "another cap" is one edit away.
      const form = this.root.querySelector<HTMLFormElement>('#plan-form')!;
      const p = this.stored.plan;
      if (p.cap) (form.elements.namedItem('cap') as HTMLInputElement).value = String(p.cap);
      if (p.standoffKm !== undefined) (form.elements.namedItem('standoffKm') as HTMLInputElement).value = String(p.standoffKm);
    }
    await this.renderChart();
  }

  /** A job message from the WebSocket (or a poll). */
  jobUpdate(job: PlanJob): void {
    if (job.kind === 'sweep') {
      this.sweepJobUpdate(job);
      return;
    }
    if (this.job && job.id !== this.job.id && this.job.state === 'running') return;
    const wasRunning = this.job?.state === 'running';
    this.job = job;
    this.renderJob(job);
    if (job.state !== 'running') {
      window.clearInterval(this.pollTimer);
      if (wasRunning && job.state === 'done' && job.planId != null) {
        void this.load();
        this.onPlanSaved();
      }
    }
  }

  private async run(form: FormData): Promise<void> {
    const body: { cap?: number; standoffKm?: number; timeLimitS?: number } = {};
    for (const key of ['cap', 'standoffKm', 'timeLimitS'] as const) {
      const v = form.get(key);
      if (v !== null && v !== '') body[key] = Number(v);
    }
    const button = this.root.querySelector<HTMLButtonElement>('#run-plan')!;
    button.disabled = true;
    try {
      const job = await this.api.runPosturePlan(body);
      this.job = null;
      this.jobUpdate(job);
      window.clearInterval(this.pollTimer);
      this.pollTimer = window.setInterval(() => void this.poll(), 1000);
    } catch (e) {
      this.renderJob({ id: '', state: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      button.disabled = false;
    }
  }

  private sweepJobUpdate(job: PlanJob): void {
    if (this.sweepJob && job.id !== this.sweepJob.id && this.sweepJob.state === 'running') return;
    const wasRunning = this.sweepJob?.state === 'running';
    this.sweepJob = job;
    this.renderSweepJob(job);
    if (job.state !== 'running') {
      window.clearInterval(this.sweepPollTimer);
      if (wasRunning && job.state === 'done') void this.renderChart();
    }
  }

  private async runSweep(form: FormData): Promise<void> {
    const text = String(form.get('caps') ?? '');
    const caps = text.split(/[\s,;]+/).filter((c) => c !== '').map((c) => Number(c.replace(/[_']/g, '')));
    const box = this.root.querySelector<HTMLElement>('#sweep-progress')!;
    if (caps.length < 2 || caps.some((c) => !Number.isInteger(c) || c < 1)) {
      box.hidden = false;
      box.dataset.state = 'failed';
      this.root.querySelector('#sweep-progress-text')!.textContent = 'Give at least two whole troop caps, e.g. 10000, 20000, 30000.';
      return;
    }
    const body: { caps: number[]; standoffKm?: number; timeLimitS?: number } = { caps };
    const limit = form.get('timeLimitS');
    if (limit !== null && limit !== '') body.timeLimitS = Number(limit);
    const standoff = (this.root.querySelector<HTMLInputElement>('#plan-form input[name="standoffKm"]')!).value;
    if (standoff !== '') body.standoffKm = Number(standoff);
    const button = this.root.querySelector<HTMLButtonElement>('#run-sweep')!;
    button.disabled = true;
    try {
      const job = await this.api.runPostureSweep(body);
      if (job.kind !== 'sweep') {
        // a plan is running: the server does one solve at a time
        box.hidden = false;
        box.dataset.state = 'failed';
        this.root.querySelector('#sweep-progress-text')!.textContent = `A plan is running (${job.id}); run the sweep when it is done.`;
        return;
      }
      this.sweepJob = null;
      this.sweepJobUpdate(job);
      window.clearInterval(this.sweepPollTimer);
      this.sweepPollTimer = window.setInterval(() => void this.pollSweep(), 1000);
    } catch (e) {
      this.renderSweepJob({ id: '', state: 'failed', kind: 'sweep', message: e instanceof Error ? e.message : String(e) });
    } finally {
      button.disabled = false;
    }
  }

  private async pollSweep(): Promise<void> {
    if (!this.sweepJob?.id || this.sweepJob.state !== 'running') return;
    try {
      this.sweepJobUpdate(await this.api.planJob(this.sweepJob.id));
    } catch {
      /* the socket may still bring the answer */
    }
  }

  private renderSweepJob(job: PlanJob): void {
    const box = this.root.querySelector<HTMLElement>('#sweep-progress')!;
    box.hidden = false;
    box.dataset.state = job.state;
    const bar = this.root.querySelector<HTMLProgressElement>('#sweep-progress-bar')!;
    bar.value = job.state === 'running' ? Math.min(0.99, job.progress ?? 0) : 1;
    const text = this.root.querySelector('#sweep-progress-text')!;
    const n = job.caps?.length ?? 0;
    if (job.state === 'running') {
      text.textContent = `Sweeping ${n} caps · at cap ${job.cap ? fmt.format(job.cap) : '?'} · ${Math.round((job.progress ?? 0) * 100)} % · ${(job.elapsedS ?? 0).toFixed(0)} s of at most ${job.timeLimitS ?? '?'} s`;
    } else if (job.state === 'done') {
      text.textContent = `Done: ${job.message ?? ''} in ${(job.elapsedS ?? 0).toFixed(1)} s`;
    } else {
      text.textContent = `Failed: ${job.message ?? 'unknown reason'}`;
    }
  }

  private async poll(): Promise<void> {
    if (!this.job?.id || this.job.state !== 'running') return;
    try {
      this.jobUpdate(await this.api.planJob(this.job.id));
    } catch {
      /* the socket may still bring the answer */
    }
  }

  private renderJob(job: PlanJob): void {
    const box = this.root.querySelector<HTMLElement>('#plan-progress')!;
    box.hidden = false;
    box.dataset.state = job.state;
    const bar = this.root.querySelector<HTMLProgressElement>('#plan-progress-bar')!;
    bar.value = job.state === 'running' ? Math.min(0.99, job.progress ?? 0) : 1;
    const text = this.root.querySelector('#plan-progress-text')!;
    const what = `cap ${job.cap ? fmt.format(job.cap) : '?'}, stand-off ${job.standoffKm ?? '?'} km`;
    if (job.state === 'running') text.textContent = `Solving (${what}) · ${(job.elapsedS ?? 0).toFixed(0)} s of at most ${job.timeLimitS ?? '?'} s`;
    else if (job.state === 'done' && job.planId != null) text.textContent = `Done: ${job.planStatus} plan saved (${what}) in ${(job.elapsedS ?? 0).toFixed(1)} s`;
    else if (job.state === 'done') text.textContent = `No plan: ${job.planStatus ?? ''} ${job.message ?? ''}`;
    else text.textContent = `Failed: ${job.message ?? 'unknown reason'}`;
  }

  private renderPlan(stored: StoredPosturePlan): void {
    const p = stored.plan;
    const sites = p.sites ?? [];
    const guarded = sites.filter((s) => s.guarded);
    const covered = sites.filter((s) => !s.guarded && s.covered);
    const summary = this.root.querySelector('#plan-summary')!;
    summary.innerHTML = `
      <h2>Current plan <span class="plan-status"></span></h2>
      <dl class="plan-figures">
        <div><dt>Stationed</dt><dd id="plan-strength"></dd></div>
        <div><dt>Cap</dt><dd id="plan-cap"></dd></div>
        <div><dt>Rotation strength</dt><dd id="plan-rotation"></dd></div>
        <div><dt>Stand-off</dt><dd id="plan-standoff"></dd></div>
        <div><dt>Protection</dt><dd id="plan-objective"></dd></div>
        <div><dt>Sites</dt><dd id="plan-sites-count"></dd></div>
      </dl>
      <p class="muted" id="plan-created"></p>`;
    summary.querySelector('.plan-status')!.textContent = p.status;
    summary.querySelector('#plan-strength')!.textContent = `${fmt.format(p.totalStrength ?? 0)} troops`;
    summary.querySelector('#plan-cap')!.textContent = p.cap ? fmt.format(p.cap) : '—';
    summary.querySelector('#plan-rotation')!.textContent = p.rotationStrength ? fmt.format(p.rotationStrength) : '—';
    summary.querySelector('#plan-standoff')!.textContent = `${p.standoffKm ?? '—'} km`;
    summary.querySelector('#plan-objective')!.textContent = p.objective !== undefined ? `${p.objective}${p.bound !== undefined ? ` (bound ${p.bound})` : ''}` : '—';
    summary.querySelector('#plan-sites-count')!.textContent = `${guarded.length} guarded, ${covered.length} covered only, of ${sites.length}`;
    summary.querySelector('#plan-created')!.textContent = `Plan ${stored.id}, created ${stored.created}`;

    // Units grouped by the site they stand on.
    const bySite = new Map<string, PlanStation[]>();
    for (const s of p.stations ?? []) {
      if (!bySite.has(s.siteId)) bySite.set(s.siteId, []);
      bySite.get(s.siteId)!.push(s);
    }
    const siteName = new Map(sites.map((s) => [s.id, s]));
    const rows = [...bySite.entries()]
      .map(([siteId, units]) => ({ siteId, units, total: units.reduce((n, u) => n + u.strength, 0) }))
      .sort((a, b) => b.total - a.total);
    const table = document.createElement('table');
    table.className = 'stations';
    table.innerHTML = '<thead><tr><th>Station</th><th>Kind</th><th class="num">Troops</th><th>Units (nation, strength)</th></tr></thead><tbody></tbody>';
    const tbody = table.querySelector('tbody')!;
    for (const r of rows) {
      const tr = document.createElement('tr');
      tr.dataset.stationSite = r.siteId;
      const site = siteName.get(r.siteId);
      const cells = [
        site?.name ?? r.siteId,
        SITE_KINDS[site?.kind ?? '']?.label ?? site?.kind ?? '',
        fmt.format(r.total),
        r.units.map((u) => `${u.unit} (${u.nation}, ${fmt.format(u.strength)})`).join('; '),
      ];
      cells.forEach((c, i) => {
        const td = document.createElement('td');
        td.textContent = c;
        if (i === 2) td.className = 'num';
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    }
    this.root.querySelector('#plan-stations')!.replaceChildren(table);

    const siteTable = document.createElement('table');
    siteTable.className = 'plan-sites';
    siteTable.innerHTML = '<thead><tr><th>Site</th><th>Kind</th><th>Protection</th><th class="num">Guard</th><th class="num">QRF, min</th></tr></thead><tbody></tbody>';
    const sbody = siteTable.querySelector('tbody')!;
    const order = (s: (typeof sites)[number]) => (s.guarded ? 0 : s.covered ? 1 : 2);
    for (const s of [...sites].sort((a, b) => order(a) - order(b) || (b.criticality ?? 0) - (a.criticality ?? 0))) {
      const tr = document.createElement('tr');
      tr.dataset.siteId = s.id;
      tr.className = s.guarded ? 'guarded' : s.covered ? 'covered' : 'unprotected';
      const cells = [
        s.name,
        SITE_KINDS[s.kind]?.label ?? s.kind,
        s.guarded ? 'guarded' : s.covered ? 'covered' : '—',
        s.guardStrength ? fmt.format(s.guardStrength) : '',
        s.responseMinutes != null ? String(Math.round(s.responseMinutes)) : '',
      ];
      cells.forEach((c, i) => {
        const td = document.createElement('td');
        td.textContent = c;
        if (i >= 3) td.className = 'num';
        tr.appendChild(td);
      });
      sbody.appendChild(tr);
    }
    this.root.querySelector('#plan-sites')!.replaceChildren(siteTable);
  }

  private async renderChart(): Promise<void> {
    let points: SweepPoint[];
    let caption: string;
    let stored = false;
    try {
      const sweep = await this.api.postureSweep();
      points = sweep.points;
      stored = true;
      const how = [
        sweep.created ? `made ${sweep.created.slice(0, 16).replace('T', ' ')}Z` : '',
        sweep.standoffKm !== undefined ? `stand-off ${sweep.standoffKm} km` : '',
        sweep.timeLimitS !== undefined ? `${sweep.timeLimitS} s per cap` : '',
      ].filter((x) => x).join(', ');
      caption = `Sweep stored on the server${how ? ` (${how})` : ''}; the ringed point is the current plan. Points are labelled guarded g / covered c.`;
    } catch {
      points = parseSweepCsv(referenceSweepCsv);
      caption = 'Reference sweep of the bundled theatre with default forces (docs/sweep.csv, vigil plan posture --sweep 10000:30000:2500); the ringed point is the current plan. Points are labelled guarded g / covered c.';
    }
    const p = this.stored?.plan;
    this.root.querySelector('#sweep-chart')!.replaceChildren(sweepChart(points, p ? { cap: p.cap, objective: p.objective } : null, caption));
    this.root.querySelector('#sweep-caption')!.textContent = caption;
    this.root.querySelector<HTMLElement>('#sweep-chart')!.dataset.source = stored ? 'stored' : 'reference';
  }
}
