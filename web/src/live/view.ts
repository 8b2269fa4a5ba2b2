import type L from 'leaflet';
import { AlertsPanel } from '../alerts/panel';
import { ApiError, type ApiClient } from '../api/client';
import type { LiveFeed, ConnectionState } from '../api/live';
import type { Alert, LiveMessage, PlanJob, Track } from '../api/types';
import { TheatreLayers, createMap } from '../map/basemap';
import { SITE_KINDS, SitesLayer } from '../map/sites';
import { FrameStats } from '../perf/frames';
import { installPerfHook } from '../perf/hook';
import { TrackLayer } from '../tracks/layer';
import { Replay } from './replay';

const HISTORY_WINDOW_MS = 30 * 60 * 1000;
/** How long applying queued track updates may take in one frame. */
const APPLY_BUDGET_MS = 4;

/**
 * The live map: the offline base map, sites, live tracks, alerts and the connection state,
 * plus a time slider that replays the journal's track history. Live messages are queued by
 * the feed and applied once per animation frame.
 */
export class LiveView {
  readonly map: L.Map;
  private readonly theatre: TheatreLayers;
  readonly sites: SitesLayer;
  private readonly tracks = new TrackLayer();
  private readonly live = new Map<string, Track>();
  private readonly alerts: AlertsPanel;
  private readonly stats = new FrameStats();
  private replay: Replay | null = null;
  private replayTimeMs = 0;
  private playing = false;
  private lastPlayTick = 0;
  private historyAvailable: boolean | null = null;
  private loadingReplay: Promise<boolean> | null = null;
  /** Bumped by Live, so a history that arrives after the user went back to live is not shown. */
  private replayGeneration = 0;
  /** Posture jobs arrive on the same socket; the posture view follows them. */
  onPlanJob: (job: PlanJob) => void = () => {};

  constructor(
    private readonly root: HTMLElement,
    private readonly api: ApiClient,
    private readonly feed: LiveFeed,
    private readonly notify: (text: string) => void,
  ) {
    root.innerHTML = `
      <div class="live-layout">
        <div id="map" class="map" aria-label="Live map"></div>
        <aside class="side">
          <section class="panel">
            <h2>Alerts <span id="alert-count" class="badge">0</span></h2>
            <ul id="alert-list" class="alert-list"></ul>
          </section>
          <section class="panel">
            <h2>Layers <button id="zoom-tracks" class="small-button" title="Zoom to the live tracks">Zoom to tracks</button></h2>
            <div id="legend" class="legend"></div>
          </section>
          <section class="panel small" id="live-stats"></section>
        </aside>
      </div>
      <div class="timebar" id="timebar">
        <button id="replay-live" class="live-button active" title="Back to the live picture">● Live</button>
        <button id="replay-play" title="Play the replay" disabled>▶</button>
        <input id="replay-slider" type="range" min="0" max="1000" value="1000" disabled aria-label="Replay time">
        <span id="replay-time" class="replay-time">live</span>
      </div>`;
    this.map = createMap(root.querySelector<HTMLElement>('#map')!);
    this.theatre = new TheatreLayers(this.map);
    this.sites = new SitesLayer(this.map);
    this.tracks.addTo(this.map);
    this.alerts = new AlertsPanel(
      root.querySelector('#alert-list')!,
      root.querySelector('#alert-count')!,
      this.map,
      (a) => this.locateAlert(a),
      (id) => this.sites.site(id)?.name,
      (id) => this.api.acknowledge(id),
    );
    root.querySelector('#zoom-tracks')!.addEventListener('click', () => this.zoomToTracks());
    installPerfHook(this.map, this.stats, feed, () => this.tracks.size, this.tracks.drawMs);
    this.wireTimebar();
    requestAnimationFrame((t) => this.frame(t));
  }

  async load(): Promise<void> {
    const [theatre, sites, plan] = await Promise.allSettled([this.api.theatre(), this.api.sites(), this.api.posturePlan()]);
    if (theatre.status === 'fulfilled') this.theatre.draw(theatre.value);
    else this.notify(`Base map unavailable: ${theatre.reason}`);
    if (sites.status === 'fulfilled') this.sites.setSites(sites.value);
    else this.notify(`Sites unavailable: ${sites.reason}`);
    if (plan.status === 'fulfilled') this.sites.setPlan(plan.value.plan.sites);
    this.drawLegend();
    // The WebSocket's snapshot brings tracks and alerts too; these make the page useful at once.
    try {
      this.applyTracks(await this.api.tracks(), []);
      this.alerts.setAll(await this.api.alerts());
    } catch (e) {
      this.notify(`Live picture unavailable: ${e}`);
    }
    this.updateStats();
    void this.probeHistory();
  }

  /** After a new plan: guarded/covered marks and the stand-off band follow it. */
  async planChanged(): Promise<void> {
    try {
      const stored = await this.api.posturePlan();
      this.sites.setPlan(stored.plan.sites);
      this.theatre.replaceStandoff(await this.api.theatre(stored.plan.standoffKm));
    } catch (e) {
      this.notify(`Could not refresh the plan on the map: ${e}`);
    }
  }

  shown(): void {
    this.map.invalidateSize();
  }

  connection(state: ConnectionState): void {
    document.body.dataset.connection = state;
  }

  private frame(now: number): void {
    const start = performance.now();
    const messages = this.feed.drain();
    if (messages.length) this.apply(messages);
    if (this.pendingTracks.length) this.applyPending(start);
    if (this.playing) this.playTick(now);
    const touched = this.tracks.flush();
    if (messages.length) this.alerts.relocate();
    this.stats.record(now, performance.now() - start, touched);
    requestAnimationFrame((t) => this.frame(t));
  }

  private apply(messages: LiveMessage[]): void {
    for (const m of messages) {
      switch (m.type) {
        case 'snapshot':
          this.pendingTracks = [];
          this.pendingIndex = 0;
          this.live.clear();
          if (!this.replay) this.tracks.clear();
          this.applyTracks(m.tracks ?? [], []);
          this.alerts.setAll(m.alerts ?? []);
          break;
        case 'tracks':
          this.applyTracks(m.tracks ?? [], m.deleted ?? []);
          break;
        case 'alert':
          this.alerts.upsert(m.alert);
          break;
        case 'planJob':
          this.onPlanJob(m.job);
          break;
        default:
          break;
      }
    }
    this.updateStats();
  }

  /**
   * Track updates wait here and are applied a few milliseconds' worth per frame, so a batch of
   * thousands (the server sends up to one per track per second) never makes one long frame.
   */
  private pendingTracks: Track[] = [];
  private pendingIndex = 0;

  private applyPending(frameStart: number, budgetMs = APPLY_BUDGET_MS): void {
    const list = this.pendingTracks;
    let i = this.pendingIndex;
    while (i < list.length) {
      const t = list[i++];
      this.live.set(t.id, t);
      if (!this.replay) this.tracks.upsert(t);
      if ((i & 127) === 0 && performance.now() - frameStart > budgetMs) break;
    }
    if (i >= list.length) {
      this.pendingTracks = [];
      this.pendingIndex = 0;
    } else {
      this.pendingIndex = i;
    }
  }

  private applyTracks(tracks: Track[], deleted: string[]): void {
    if (this.pendingTracks.length === 0) this.pendingTracks = tracks.slice();
    else this.pendingTracks.push(...tracks);
    // Deletions come after the updates they follow, so those are applied first.
    if (deleted.length && this.pendingTracks.length) this.applyPending(performance.now(), Infinity);
    for (const id of deleted) {
      this.live.delete(id);
      if (!this.replay) this.tracks.removeTrack(id);
    }
  }

  private updateStats(): void {
    const el = this.root.querySelector('#live-stats')!;
    el.textContent = `${this.live.size} live tracks${this.replay ? ` · replaying ${this.tracks.size}` : ''}`;
  }

  /** Fits the map to where most tracks are (the 5th to 95th percentile, so a stray track does not zoom out). */
  zoomToTracks(): void {
    const tracks = [...this.live.values()];
    if (tracks.length === 0) return;
    const lats = tracks.map((t) => t.lat).sort((a, b) => a - b);
    const lons = tracks.map((t) => t.lon).sort((a, b) => a - b);
    const q = (v: number[], f: number) => v[Math.min(v.length - 1, Math.floor(f * (v.length - 1)))];
    this.map.fitBounds([[q(lats, 0.05), q(lons, 0.05)], [q(lats, 0.95), q(lons, 0.95)]], { padding: [60, 60], maxZoom: 9 });
  }

  private locateAlert(a: Alert): L.LatLngExpression | null {
    if (typeof a.lat === 'number' && typeof a.lon === 'number') return [a.lat, a.lon];
    const site = this.sites.site(a.siteId ?? undefined);
    if (site) return [site.lat, site.lon];
    const track = a.trackId ? this.live.get(String(a.trackId)) : undefined;
    return track ? [track.lat, track.lon] : null;
  }

  private drawLegend(): void {
    const legend = this.root.querySelector('#legend')!;
    legend.replaceChildren();
    for (const kind of this.sites.kinds()) {
      const label = document.createElement('label');
      label.innerHTML = `<input type="checkbox" checked> <span class="site site-${kind}"></span> `;
      label.querySelector('span')!.textContent = SITE_KINDS[kind]?.glyph ?? '•';
      label.append(SITE_KINDS[kind]?.label ?? kind);
      label.querySelector('input')!.addEventListener('change', (e) =>
        this.sites.setKindVisible(kind, (e.target as HTMLInputElement).checked),
      );
      legend.appendChild(label);
    }
    const key = document.createElement('p');
    key.className = 'legend-key';
    key.innerHTML = [
      ['key-border', 'border'],
      ['key-contact', 'line of contact'],
      ['key-occupied', 'occupied'],
      ['key-standoff', 'stand-off band'],
      ['key-guarded', 'guarded'],
      ['key-covered', 'covered'],
    ].map(([cls, label]) => `<span class="key"><span class="${cls}"></span> ${label}</span>`).join(' ');
    legend.appendChild(key);
  }

  // ---- time slider: replaying the journal's track history ----

  private async probeHistory(): Promise<void> {
    const now = Date.now();
    try {
      await this.api.trackHistory(new Date(now - 1000), new Date(now), 1);
      this.historyAvailable = true;
    } catch (e) {
      this.historyAvailable = e instanceof ApiError && e.status === 404 ? false : null;
    }
    const slider = this.root.querySelector<HTMLInputElement>('#replay-slider')!;
    slider.disabled = this.historyAvailable === false;
    (this.root.querySelector('#replay-play') as HTMLButtonElement).disabled = this.historyAvailable === false;
    if (this.historyAvailable === false) {
      this.root.querySelector('#timebar')!.classList.add('unavailable');
      this.root.querySelector('#replay-time')!.textContent = 'live · history not available from this server';
    }
  }

  private wireTimebar(): void {
    const slider = this.root.querySelector<HTMLInputElement>('#replay-slider')!;
    const play = this.root.querySelector<HTMLButtonElement>('#replay-play')!;
    slider.addEventListener('input', async () => {
      if (!this.replay && !(await this.startReplay())) return;
      this.replayTimeMs = this.replay!.fromMs + (Number(slider.value) / 1000) * (this.replay!.toMs - this.replay!.fromMs);
      this.showReplay();
    });
    play.addEventListener('click', async () => {
      if (!this.replay) {
        if (!(await this.startReplay())) return;
        this.replayTimeMs = this.replay!.fromMs;
      }
      this.playing = !this.playing;
      play.textContent = this.playing ? '❚❚' : '▶';
      this.lastPlayTick = 0;
    });
    this.root.querySelector('#replay-live')!.addEventListener('click', () => this.backToLive());
  }

  /** Loads the history once, however many slider moves arrive while it loads. */
  private startReplay(): Promise<boolean> {
    if (!this.loadingReplay) {
      this.loadingReplay = this.loadReplay().finally(() => (this.loadingReplay = null));
    }
    return this.loadingReplay;
  }

  private async loadReplay(): Promise<boolean> {
    const generation = this.replayGeneration;
    const to = Date.now();
    const from = to - HISTORY_WINDOW_MS;
    const label = this.root.querySelector('#replay-time')!;
    label.textContent = 'replaying the journal…';
    this.root.querySelector('#timebar')!.classList.add('loading');
    try {
      const states = await this.api.trackHistory(new Date(from), new Date(to), undefined, (p) => {
        label.textContent = p.state === 'queued'
          ? 'replaying the journal: waiting for another replay…'
          : `replaying the journal: ${Math.round(p.progress * 100)} % of ${p.reports.toLocaleString('en')} reports`;
      });
      if (generation !== this.replayGeneration) return false;
      this.replay = new Replay(states, from, to);
    } catch (e) {
      label.textContent = e instanceof ApiError && e.status === 404 ? 'history not available from this server' : `history failed: ${e}`;
      return false;
    } finally {
      this.root.querySelector('#timebar')!.classList.remove('loading');
    }
    this.root.querySelector('#replay-live')!.classList.remove('active');
    document.body.dataset.mode = 'replay';
    return true;
  }

  private showReplay(): void {
    if (!this.replay) return;
    this.tracks.clear();
    for (const trail of this.replay.at(this.replayTimeMs)) for (const state of trail) this.tracks.upsert(state);
    const slider = this.root.querySelector<HTMLInputElement>('#replay-slider')!;
    slider.value = String(Math.round(((this.replayTimeMs - this.replay.fromMs) / (this.replay.toMs - this.replay.fromMs)) * 1000));
    this.root.querySelector('#replay-time')!.textContent =
      `replay ${new Date(this.replayTimeMs).toISOString().slice(11, 19)}Z · ${this.tracks.size} tracks · ${this.replay.stateCount} states`;
    this.updateStats();
  }

  /** Plays at 30x: the half hour of history in a minute. */
  private playTick(now: number): void {
    if (!this.replay) return;
    if (this.lastPlayTick === 0) this.lastPlayTick = now;
    const dt = now - this.lastPlayTick;
    if (dt < 250) return;
    this.lastPlayTick = now;
    this.replayTimeMs = Math.min(this.replay.toMs, this.replayTimeMs + dt * 30);
    this.showReplay();
    if (this.replayTimeMs >= this.replay.toMs) this.backToLive();
  }

  private backToLive(): void {
    this.replayGeneration++;
    this.replay = null;
    this.playing = false;
    this.root.querySelector('#replay-play')!.textContent = '▶';
    this.root.querySelector('#replay-live')!.classList.add('active');
    delete document.body.dataset.mode;
    (this.root.querySelector('#replay-slider') as HTMLInputElement).value = '1000';
    if (this.historyAvailable !== false) this.root.querySelector('#replay-time')!.textContent = 'live';
    this.tracks.clear();
    for (const t of this.live.values()) this.tracks.upsert(t);
    this.updateStats();
  }
}
