import type { Alert, PlanJob, Site, StoredPosturePlan, StoredSweep, SweepPoint, TheatreGeo, Track } from './types';

/** A history replay still running on the server: the share of its journaled reports re-fused so far. */
export interface HistoryProgress {
  state: 'running' | 'queued';
  progress: number;
  reports: number;
  replayed: number;
}

/** An HTTP answer other than 2xx, with the status kept so views can tell "absent" (404) from "broken". */
export class ApiError extends Error {
  constructor(readonly status: number, readonly path: string, readonly body: string) {
    super(`${path}: ${status} ${errorSentence(body)}`);
  }
}

/** The server's {"error": "..."} sentence, or the raw body. */
function errorSentence(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: string };
    if (parsed.error) return parsed.error;
  } catch {
    /* not JSON */
  }
  return body.slice(0, 200);
}

/**
 * The COP's one way to the server: every call carries the bearer token; a 401 goes to
 * onUnauthorized (which asks for a new token) and the call is retried once.
 */
export class ApiClient {
  constructor(private token: string, private readonly onUnauthorized: () => Promise<string>) {}

  get bearer(): string {
    return this.token;
  }

  async get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  async post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  private async request<T>(method: string, path: string, body?: unknown, retried = false): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status === 401 && !retried) {
      this.token = await this.onUnauthorized();
      return this.request<T>(method, path, body, true);
    }
    if (!res.ok) {
      let body = '';
      try {
        body = await res.text();
      } catch {
        /* the status says enough */
      }
      throw new ApiError(res.status, `${method} ${path}`, body);
    }
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  tracks(): Promise<Track[]> {
    return this.get<Track[]>('/api/tracks');
  }

  /**
   * Track states between two instants, oldest first: the server replays the journal over the
   * window. While the replay runs it answers 202 with its progress; this asks again every second,
   * telling onProgress, until the states come (or the server refuses).
   */
  async trackHistory(
    from: Date,
    to: Date,
    limit = 200000,
    onProgress: (p: HistoryProgress) => void = () => {},
  ): Promise<Track[]> {
    const q = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), limit: String(limit), waitS: '1' });
    for (;;) {
      const raw = await this.get<unknown>(`/api/tracks/history?${q}`);
      const state = (raw as { state?: string } | null)?.state;
      if (!Array.isArray(raw) && (state === 'running' || state === 'queued')) {
        onProgress(raw as HistoryProgress);
        await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      return normaliseHistory(raw);
    }
  }

  alerts(): Promise<Alert[]> {
    return this.get<Alert[]>('/api/alerts');
  }

  acknowledge(id: number | string): Promise<Alert> {
    return this.post<Alert>(`/api/alerts/${encodeURIComponent(String(id))}/ack`);
  }

  sites(): Promise<Site[]> {
    return this.get<Site[]>('/api/sites');
  }

  theatre(standoffKm?: number): Promise<TheatreGeo> {
    return this.get<TheatreGeo>(standoffKm ? `/api/theatre?standoffKm=${standoffKm}` : '/api/theatre');
  }

  posturePlan(): Promise<StoredPosturePlan> {
    return this.get<StoredPosturePlan>('/api/plans/posture');
  }

  /** Starts a plan run; a 409 (one already running) answers with that job, which the page then follows. */
  async runPosturePlan(request: { cap?: number; standoffKm?: number; timeLimitS?: number }): Promise<PlanJob> {
    try {
      return (await this.post<{ job: PlanJob }>('/api/plans/posture', request)).job;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.body) {
        const running = (JSON.parse(e.body) as { job?: PlanJob }).job;
        if (running) return running;
      }
      throw e;
    }
  }

  planJob(id: string): Promise<PlanJob> {
    return this.get<PlanJob>(`/api/plans/posture/jobs/${encodeURIComponent(id)}`);
  }

  /** A stored cap sweep: rows of sweep.csv, as an array or under rows/points/sweep, with how it was made. */
  async postureSweep(): Promise<StoredSweep> {
    const raw = await this.get<unknown>('/api/plans/posture/sweep');
    const obj = raw as { rows?: unknown; points?: unknown; sweep?: unknown; plan?: unknown; created?: string; standoffKm?: number; timeLimitS?: number };
    const rows = [raw, obj?.rows, obj?.points, obj?.sweep, obj?.plan].find(Array.isArray) as SweepPoint[] | undefined;
    if (!rows || rows.length === 0) throw new ApiError(404, 'GET /api/plans/posture/sweep', '{"error":"no sweep rows"}');
    return { points: rows, created: obj?.created, standoffKm: obj?.standoffKm, timeLimitS: obj?.timeLimitS };
  }

  /** Starts a cap sweep; a 409 (a plan or sweep already running) answers with that job, which the page then follows. */
  async runPostureSweep(request: { caps?: number[]; standoffKm?: number; timeLimitS?: number }): Promise<PlanJob> {
    try {
      return (await this.post<{ job: PlanJob }>('/api/plans/posture/sweep', request)).job;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.body) {
        const running = (JSON.parse(e.body) as { job?: PlanJob }).job;
        if (running) return running;
      }
      throw e;
    }
  }

  isrPlan(): Promise<unknown> {
    return this.get<unknown>('/api/plans/isr');
  }

  isrCoverage(): Promise<GeoJSON.FeatureCollection> {
    return this.get<GeoJSON.FeatureCollection>('/api/plans/isr/coverage');
  }
}

/** History may come as a flat list of states or as snapshots {time, tracks}; the UI wants a flat list. */
function normaliseHistory(raw: unknown): Track[] {
  const list = Array.isArray(raw) ? raw : ((raw as { states?: unknown[]; tracks?: unknown[] })?.states ?? (raw as { tracks?: unknown[] })?.tracks ?? []);
  const out: Track[] = [];
  for (const item of list as Record<string, unknown>[]) {
    if (item && Array.isArray(item.tracks)) {
      for (const t of item.tracks as Track[]) out.push({ ...t, updated: t.updated ?? (item.time as string) });
    } else if (item && typeof item.lat === 'number') {
      out.push(item as unknown as Track);
    }
  }
  out.sort((a, b) => Date.parse(a.updated) - Date.parse(b.updated));
  return out;
}
