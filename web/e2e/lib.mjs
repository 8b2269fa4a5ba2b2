// Shared pieces of the browser tests: Debian's Chromium driven by playwright-core, with every
// request that is not for this machine blocked and remembered, so a test can prove the page
// works without a network and never reached for one.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.VIGIL_CHROMIUM || '/usr/bin/chromium';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Starts Chromium with a fresh profile; returns {context, external, close}. */
export async function launch({ width = 1400, height = 900 } = {}) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-chromium-'));
  // A persistent context is how playwright takes a fresh --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const external = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) return route.continue();
    external.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  // WebSockets are not routed by context.route; watch them too.
  context.on('page', (page) => page.on('websocket', (ws) => {
    const url = new URL(ws.url());
    if (!LOCAL_HOSTS.has(url.hostname)) external.push(ws.url());
  }));
  return {
    context,
    external,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A tiny TAP-like reporter: each check prints "ok - ..." or "not ok - ...", failures set the exit code. */
export function reporter() {
  let failed = 0;
  let passed = 0;
  return {
    ok(cond, what, detail = '') {
      if (cond) {
        passed++;
        console.log(`ok - ${what}${detail ? ' (' + detail + ')' : ''}`);
      } else {
        failed++;
        console.log(`not ok - ${what}${detail ? ' (' + detail + ')' : ''}`);
      }
      return cond;
    },
    info(text) {
      console.log(`# ${text}`);
    },
    done() {
      console.log(`# ${passed} checks ok, ${failed} checks failed`);
      process.exitCode = failed ? 1 : 0;
      return failed;
    },
  };
}

/** Polls fn until it returns a truthy value or the time runs out; returns the last value. */
export async function waitFor(fn, timeoutMs, stepMs = 100) {
  const end = Date.now() + timeoutMs;
  let v;
  for (;;) {
    v = await fn();
    if (v || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** Authenticated JSON call to the server (for scripting scenarios from the test). */
export async function api(base, token, method, p, body) {
  const res = await fetch(new URL(p, base), {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = text; }
  return { status: res.status, json };
}
