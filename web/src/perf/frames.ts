/**
 * Frame statistics for the live map: how long the page's own work took in each animation
 * frame (draining the live queue, moving markers, drawing trails) and the interval between
 * frames, which also counts the browser's style, layout and paint. Long animation frames
 * (over 50 ms, Chromium's LoAF entries) are counted when the browser reports them.
 */
export class FrameStats {
  private work: number[] = [];
  private intervals: number[] = [];
  private touched: number[] = [];
  private lastFrame = 0;
  private longFrames = 0;
  private longestLoafMs = 0;

  constructor() {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          this.longFrames++;
          this.longestLoafMs = Math.max(this.longestLoafMs, e.duration);
        }
      }).observe({ type: 'long-animation-frame', buffered: false });
    } catch {
      /* not every browser reports long animation frames */
    }
  }

  record(frameStart: number, workMs: number, touched: number): void {
    if (this.lastFrame > 0) this.intervals.push(frameStart - this.lastFrame);
    this.lastFrame = frameStart;
    this.work.push(workMs);
    this.touched.push(touched);
    if (this.work.length > 20000) {
      this.work = this.work.slice(-10000);
      this.intervals = this.intervals.slice(-10000);
      this.touched = this.touched.slice(-10000);
    }
  }

  reset(): void {
    this.work = [];
    this.intervals = [];
    this.touched = [];
    this.lastFrame = 0;
    this.longFrames = 0;
    this.longestLoafMs = 0;
  }

  summary(): Record<string, number> {
    return {
      frames: this.work.length,
      workP50Ms: quantile(this.work, 0.5),
      workP95Ms: quantile(this.work, 0.95),
      workMaxMs: quantile(this.work, 1),
      frameP50Ms: quantile(this.intervals, 0.5),
      frameP95Ms: quantile(this.intervals, 0.95),
      frameMaxMs: quantile(this.intervals, 1),
      markersMovedPerFrameMax: quantile(this.touched, 1),
      longAnimationFrames: this.longFrames,
      longestAnimationFrameMs: this.longestLoafMs,
    };
  }
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const v = sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
  return Math.round(v * 100) / 100;
}
