import type { LiveMessage } from './types';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

/**
 * The WebSocket /api/live, kept open: reconnects with a growing back-off (1 s to 15 s) and
 * reports its state. Messages are not handled as they arrive but queued; the map drains the
 * queue once per animation frame (drain()), so a burst of updates costs one redraw.
 */
export class LiveFeed {
  private socket: WebSocket | null = null;
  private queue: LiveMessage[] = [];
  private backoffMs = 1000;
  private stopped = false;
  private pingTimer: number | undefined;
  private readonly stateListeners: ((s: ConnectionState) => void)[] = [];
  state: ConnectionState = 'connecting';

  constructor(private readonly tokenSource: () => string) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.socket?.close();
    window.clearInterval(this.pingTimer);
  }

  onState(listener: (s: ConnectionState) => void): void {
    this.stateListeners.push(listener);
    listener(this.state);
  }

  /** Everything received since the last call, oldest first. */
  drain(): LiveMessage[] {
    if (this.queue.length === 0) return [];
    const out = this.queue;
    this.queue = [];
    return out;
  }

  /** Puts messages on the queue as if they came from the server (the performance hook uses it). */
  inject(messages: LiveMessage[]): void {
    for (const m of messages) this.queue.push(m);
  }

  private open(): void {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const url = `${scheme}://${location.host}/api/live?token=${encodeURIComponent(this.tokenSource())}`;
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch {
      this.retry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.backoffMs = 1000;
      this.setState('live');
      window.clearInterval(this.pingTimer);
      this.pingTimer = window.setInterval(() => {
        if (socket.readyState === WebSocket.OPEN) socket.send('{"type":"ping"}');
      }, 20000);
    };
    socket.onmessage = (e) => {
      try {
        this.queue.push(JSON.parse(e.data as string) as LiveMessage);
      } catch {
        /* a frame that is not JSON is not ours to show */
      }
    };
    socket.onclose = () => {
      window.clearInterval(this.pingTimer);
      if (this.socket === socket) this.socket = null;
      if (!this.stopped) this.retry();
    };
  }

  private retry(): void {
    this.setState(navigator.onLine === false ? 'offline' : 'reconnecting');
    const wait = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, 15000);
    window.setTimeout(() => {
      if (!this.stopped) this.open();
    }, wait);
  }

  private setState(s: ConnectionState): void {
    if (this.state === s) return;
    this.state = s;
    for (const l of this.stateListeners) l(s);
  }
}
