import type { Track } from '../api/types';

const STALE_MS = 120_000;
const TRAIL_STATES = 20;

/**
 * The journal's track history, indexed per track so a moment can be shown quickly: at time t
 * each track appears at its last state no later than t (unless that state is over two
 * minutes old), with its preceding states as the trail.
 */
export class Replay {
  private readonly byTrack = new Map<string, { times: number[]; states: Track[] }>();
  readonly fromMs: number;
  readonly toMs: number;

  constructor(states: Track[], fromMs: number, toMs: number) {
    this.fromMs = fromMs;
    this.toMs = toMs;
    for (const s of states) {
      let entry = this.byTrack.get(s.id);
      if (!entry) this.byTrack.set(s.id, (entry = { times: [], states: [] }));
      entry.times.push(Date.parse(s.updated));
      entry.states.push(s);
    }
  }

  get stateCount(): number {
    let n = 0;
    for (const e of this.byTrack.values()) n += e.states.length;
    return n;
  }

  /** For each track shown at tMs: its trail states, oldest first, the last being its position. */
  at(tMs: number): Track[][] {
    const out: Track[][] = [];
    for (const { times, states } of this.byTrack.values()) {
      const i = lastAtOrBefore(times, tMs);
      if (i < 0 || tMs - times[i] > STALE_MS) continue;
      out.push(states.slice(Math.max(0, i - TRAIL_STATES + 1), i + 1));
    }
    return out;
  }
}

function lastAtOrBefore(sorted: number[], t: number): number {
  let lo = 0, hi = sorted.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
