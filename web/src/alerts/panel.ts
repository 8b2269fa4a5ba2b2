import L from 'leaflet';
import type { Alert } from '../api/types';
import { escapeHtml } from '../map/sites';

/** Where an alert belongs on the map: its own position, else its site's, else its track's. */
export type Locate = (alert: Alert) => L.LatLngExpression | null;

const RULE_LABELS: Record<string, string> = {
  proximity: 'Near a protected site',
  crossing: 'Crossed the line of contact westward',
  'air-over-npp': 'Air track over a nuclear power station',
  massing: 'Tracks massing',
  unobserved: 'Border segment unobserved',
};

/**
 * Alerts as a list (newest first; each row carries data-alert-id and an Acknowledge button)
 * and as rings on the map, red while open and unacknowledged, grey once acknowledged.
 */
export class AlertsPanel {
  private readonly alerts = new Map<string, Alert>();
  private readonly rings = new Map<string, L.CircleMarker>();
  private readonly group = L.layerGroup();
  private renderQueued = false;

  constructor(
    private readonly list: HTMLElement,
    private readonly badge: HTMLElement,
    private readonly map: L.Map,
    private readonly locate: Locate,
    private readonly siteName: (id: string | null | undefined) => string | undefined,
    private readonly acknowledge: (id: Alert['id']) => Promise<Alert>,
  ) {
    this.group.addTo(map);
    list.addEventListener('click', (e) => this.onClick(e));
  }

  setAll(alerts: Alert[]): void {
    this.alerts.clear();
    for (const a of alerts) this.alerts.set(String(a.id), a);
    this.queueRender();
  }

  upsert(alert: Alert): void {
    this.alerts.set(String(alert.id), alert);
    this.queueRender();
  }

  /** Re-places rings whose position comes from a track that has moved. */
  relocate(): void {
    for (const [id, ring] of this.rings) {
      const a = this.alerts.get(id);
      const at = a && this.locate(a);
      if (at) ring.setLatLng(at);
    }
  }

  openCount(): number {
    return [...this.alerts.values()].filter((a) => !a.acknowledged && a.open !== false).length;
  }

  private queueRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  private render(): void {
    const sorted = [...this.alerts.values()].sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
    const rows = sorted.map((a) => this.row(a));
    this.list.replaceChildren(...rows);
    if (sorted.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = 'No alerts.';
      this.list.appendChild(empty);
    }
    const open = this.openCount();
    this.badge.textContent = String(open);
    this.badge.classList.toggle('has-open', open > 0);
    this.group.clearLayers();
    this.rings.clear();
    for (const a of sorted) {
      const at = this.locate(a);
      if (!at) continue;
      const active = !a.acknowledged && a.open !== false;
      const ring = L.circleMarker(at, {
        radius: 14,
        className: `alert-ring ${active ? 'alert-ring-open' : 'alert-ring-acked'}`,
        color: active ? '#d0021b' : '#777',
        weight: 3,
        fill: false,
      }).bindTooltip(this.title(a));
      ring.addTo(this.group);
      ring.getElement()?.setAttribute('data-alert-marker', String(a.id));
      this.rings.set(String(a.id), ring);
    }
  }

  private row(a: Alert): HTMLLIElement {
    const li = document.createElement('li');
    li.className = `alert ${a.acknowledged ? 'acknowledged' : 'unacknowledged'} ${a.open === false ? 'closed' : ''}`;
    li.dataset.alertId = String(a.id);
    li.dataset.rule = a.rule;
    const site = this.siteName(a.siteId);
    li.innerHTML = `
      <div class="alert-head"><span class="alert-rule"></span><time></time></div>
      <div class="alert-body"></div>
      <div class="alert-actions"></div>`;
    li.querySelector('.alert-rule')!.textContent = RULE_LABELS[a.rule] ?? a.rule;
    li.querySelector('time')!.textContent = new Date(a.time).toISOString().slice(11, 19) + 'Z';
    li.querySelector('time')!.setAttribute('datetime', a.time);
    // The server's message already names the track and the distance; without one, name them here.
    const parts = [site ?? a.siteId ?? '', a.message ? a.message : a.trackId ? `Track ${a.trackId}` : ''];
    li.querySelector('.alert-body')!.textContent = parts.filter(Boolean).join(' · ');
    const actions = li.querySelector('.alert-actions')!;
    const closed = a.open === false ? 'Condition cleared' : '';
    if (a.acknowledged) {
      actions.textContent = ['Acknowledged', closed].filter(Boolean).join(' · ');
    } else {
      if (closed) actions.append(`${closed} · `);
      const b = document.createElement('button');
      b.className = 'ack';
      b.textContent = 'Acknowledge';
      actions.appendChild(b);
    }
    return li;
  }

  private title(a: Alert): string {
    const site = this.siteName(a.siteId);
    return `<b>${escapeHtml(RULE_LABELS[a.rule] ?? a.rule)}</b>${site ? '<br>' + escapeHtml(site) : ''}${a.trackId ? '<br>Track ' + escapeHtml(String(a.trackId)) : ''}`;
  }

  private async onClick(e: MouseEvent): Promise<void> {
    const target = e.target as HTMLElement;
    const li = target.closest<HTMLElement>('[data-alert-id]');
    if (!li) return;
    const a = this.alerts.get(li.dataset.alertId!);
    if (!a) return;
    if (target.classList.contains('ack')) {
      (target as HTMLButtonElement).disabled = true;
      try {
        this.upsert(await this.acknowledge(a.id));
      } catch (err) {
        (target as HTMLButtonElement).disabled = false;
        target.title = String(err);
      }
      return;
    }
    const at = this.locate(a);
    if (at) this.map.setView(at, Math.max(this.map.getZoom(), 9));
  }
}
