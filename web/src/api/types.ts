/**
 * Shapes of Vigil's HTTP API as the browser sees them (issue 6 and /work/briefs/api-notes.md).
 * Units as the API gives them: degrees for positions and courses, metres and m/s otherwise,
 * ISO-8601 UTC strings for times. Fields the server may not send yet are optional.
 */

export interface Track {
  id: string;
  lat: number;
  lon: number;
  speedMps: number;
  courseDeg: number;
  sigmaM: number;
  updated: string;
  /** ground, air or sea (surface); unknown when the server does not say. */
  kind?: string;
  /** unknown, hostile, suspect, neutral, friend; unknown when absent. */
  affiliation?: string;
}

export interface Alert {
  id: number | string;
  rule: string;
  siteId?: string | null;
  trackId?: string | null;
  time: string;
  acknowledged: boolean;
  open?: boolean;
  message?: string | null;
  lat?: number;
  lon?: number;
}

export interface Site {
  id: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  oblast?: string;
  control?: string;
  population?: number | null;
  capacityMw?: number | null;
}

export interface PlanStation {
  unit: string;
  nation: string;
  type: string;
  strength: number;
  siteId: string;
  lat: number;
  lon: number;
}

export interface PlanSite {
  id: string;
  name: string;
  kind: string;
  criticality?: number;
  guarded: boolean;
  covered: boolean;
  guardStrength?: number;
  responseMinutes?: number | null;
  lat?: number;
  lon?: number;
}

export interface PosturePlan {
  status: string;
  objective?: number;
  bound?: number;
  cap?: number;
  totalStrength?: number;
  rotationStrength?: number;
  standoffKm?: number;
  stations?: PlanStation[];
  sites?: PlanSite[];
  message?: string;
  responseMinutes?: number;
  seconds?: number;
}

/** The latest stored plan, as GET /api/plans/posture answers. */
export interface StoredPosturePlan {
  id: number | string;
  created: string;
  plan: PosturePlan;
}

/** One row of a cap sweep: protection and troops at one cap. */
export interface SweepPoint {
  cap: number;
  status: string;
  objective: number;
  totalStrength: number;
  guarded: number;
  covered: number;
}

/** A posture plan run started from the page, and how far it has got (progress = elapsed / time limit). */
export interface PlanJob {
  id: string;
  state: 'running' | 'done' | 'failed' | string;
  cap?: number;
  standoffKm?: number;
  timeLimitS?: number;
  started?: string;
  finished?: string | null;
  elapsedS?: number;
  progress?: number;
  planId?: number | string | null;
  planStatus?: string | null;
  message?: string | null;
  /** "plan" (one posture plan) or "sweep" (a cap sweep: cap is the one being solved, timeLimitS the whole budget). */
  kind?: 'plan' | 'sweep' | string;
  caps?: number[] | null;
  sweepId?: number | null;
}

/** A stored cap sweep and how it was made (absent fields: a sweep from elsewhere). */
export interface StoredSweep {
  points: SweepPoint[];
  created?: string;
  standoffKm?: number;
  timeLimitS?: number;
}

/**
 * The theatre as one FeatureCollection for the offline base map; each feature's
 * properties.layer is border, neighbour, contactLine, occupied or standoff.
 */
export interface TheatreGeo extends GeoJSON.FeatureCollection {
  name?: string;
}

/** A message on the WebSocket /api/live. */
export type LiveMessage =
  | { type: 'snapshot'; tracks: Track[]; alerts: Alert[] }
  | { type: 'tracks'; tracks: Track[]; deleted?: string[] }
  | { type: 'alert'; alert: Alert }
  | { type: 'planJob'; job: PlanJob }
  | { type: 'pong' };

/** The sanitised public status (no token): sites and a level, nothing of the force. */
export interface PublicStatus {
  theatre: string;
  updated: string;
  level: string;
  delayMinutes?: number;
  sites: { id: string; name: string; kind: string; lat?: number; lon?: number; status: string; oblast?: string }[];
}
