/**
 * The ISR collection plan as the page draws it, read leniently from isr-plan.json: the
 * planner is young and its field names may move, so each concept is looked for under the
 * names a collection plan commonly uses, and anything unrecognised is left out, not guessed.
 */
export interface IsrTask {
  asset: string;
  kind: string;
  start: number;
  end: number;
  /** The areas (segments, sites, cells) the task watches. */
  areas: string[];
}

export interface IsrRequirement {
  id: string;
  met: boolean;
  detail: string;
}

export interface IsrPlanView {
  tasks: IsrTask[];
  requirements: IsrRequirement[];
  horizon: { start: number; end: number } | null;
  status?: string;
}

type Obj = Record<string, unknown>;

const pick = (o: Obj, ...names: string[]): unknown => names.map((n) => o[n]).find((v) => v !== undefined && v !== null);
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const time = (v: unknown): number => (typeof v === 'number' ? (v > 1e12 ? v : v * 1000) : Date.parse(str(v)));

export function readIsrPlan(raw: unknown): IsrPlanView {
  const root = (raw && typeof raw === 'object' ? raw : {}) as Obj;
  const plan = ((root.plan && typeof root.plan === 'object' ? root.plan : root) as Obj);
  const tasks: IsrTask[] = [];
  const addTask = (t: Obj, assetFallback?: string) => {
    const start = time(pick(t, 'start', 'from', 'begin', 'startTime', 'aos'));
    const end = time(pick(t, 'end', 'to', 'finish', 'endTime', 'los'));
    const asset = str(pick(t, 'asset', 'assetId', 'sensor', 'platform')) || assetFallback || '';
    if (!asset || !Number.isFinite(start) || !Number.isFinite(end)) return;
    const listed = pick(t, 'areas', 'targets', 'segments');
    const areas = Array.isArray(listed)
      ? listed.map(str)
      : [str(pick(t, 'target', 'segment', 'segmentId', 'area', 'requirement', 'requirementId', 'cell', 'name'))].filter(Boolean);
    tasks.push({ asset, kind: str(pick(t, 'kind', 'type')), start, end, areas });
  };
  for (const key of ['tasks', 'collections', 'schedule', 'windows', 'sorties', 'passes', 'taskings']) {
    const list = plan[key];
    if (Array.isArray(list)) for (const t of list) if (t && typeof t === 'object') addTask(t as Obj);
  }
  const assets = plan.assets;
  if (Array.isArray(assets)) {
    for (const a of assets as Obj[]) {
      const id = str(pick(a, 'id', 'name', 'asset'));
      for (const key of ['tasks', 'schedule', 'windows', 'sorties', 'passes']) {
        const list = a[key];
        if (Array.isArray(list)) for (const t of list) if (t && typeof t === 'object') addTask(t as Obj, id);
      }
    }
  }
  const requirements: IsrRequirement[] = [];
  const reqs = pick(plan, 'requirements', 'coverage', 'segments');
  if (Array.isArray(reqs)) {
    for (const r of reqs as Obj[]) {
      requirements.push(readRequirement(r));
    }
  }
  const unmet = plan.unmet;
  if (Array.isArray(unmet)) {
    for (const u of unmet) {
      const id = typeof u === 'object' && u ? str(pick(u as Obj, 'id', 'segment', 'name', 'requirement')) : str(u);
      if (!requirements.some((r) => r.id === id)) requirements.push({ id, met: false, detail: typeof u === 'object' && u ? str(pick(u as Obj, 'reason', 'message')) : '' });
    }
  }
  const hs = time(pick(plan, 'horizonStart', 'start', 'from'));
  const he = time(pick(plan, 'horizonEnd', 'end', 'to'));
  let horizon = Number.isFinite(hs) && Number.isFinite(he) && he > hs ? { start: hs, end: he } : null;
  if (!horizon && tasks.length) horizon = { start: Math.min(...tasks.map((t) => t.start)), end: Math.max(...tasks.map((t) => t.end)) };
  return { tasks, requirements, horizon, status: str(plan.status) || undefined };
}

/** A requirement from a plan's list or a coverage feature's properties (isr's coverage.geojson). */
export function readRequirement(r: Obj): IsrRequirement {
  const metRaw = pick(r, 'met', 'satisfied', 'covered', 'ok');
  const gapMin = pick(r, 'maxGapMinutes', 'worstGapMinutes');
  const revisitMin = pick(r, 'requirementMinutes', 'revisitMinutes');
  const met = typeof metRaw === 'boolean' ? metRaw : typeof gapMin === 'number' && typeof revisitMin === 'number' ? gapMin <= revisitMin : true;
  const name = str(pick(r, 'name'));
  const detail = [
    name,
    revisitMin === undefined ? '' : Number(revisitMin) === 0 ? 'continuous watch' : `revisit every ${minutes(Number(revisitMin))}`,
    gapMin !== undefined ? `longest gap ${minutes(Number(gapMin))}` : '',
    str(pick(r, 'reason', 'message')),
  ]
    .filter(Boolean)
    .join(' · ');
  return { id: str(pick(r, 'id', 'area', 'segment', 'name', 'target')), met, detail };
}

function minutes(m: number): string {
  return m >= 120 ? `${(m / 60).toFixed(1)} h` : `${Math.round(m)} min`;
}

/** Requirements from coverage features, for plans that keep them only there. */
export function requirementsFromCoverage(coverage: GeoJSON.FeatureCollection): IsrRequirement[] {
  return coverage.features.map((f) => readRequirement((f.properties ?? {}) as Obj)).filter((r) => r.id);
}
