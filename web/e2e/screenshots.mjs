// Screenshots of each view for the README:
//   node e2e/screenshots.mjs <base-url> <token> [out-dir] [--isr-dir DIR]
// Writes web-live.png, web-posture.png, web-isr.png and web-public.png (default: ../docs).
// Against a running `vigil serve --simulate` (or `vigil demo`): it plans a posture first when
// none is stored, runs a cap sweep when none is stored, and scripts a vehicle approaching Rivne NPP so the live view has an alert to show.
// --isr-dir DIR: the output of `vigil plan isr --out DIR` (isr-plan.json, coverage.geojson)
// is handed to the page as the answers of /api/plans/isr and /api/plans/isr/coverage, for a
// server that does not store ISR plans yet.
import fs from 'node:fs';
import path from 'node:path';
import { api, launch, waitFor } from './lib.mjs';

const args = process.argv.slice(2);
const isrAt = args.indexOf('--isr-dir');
const isrDir = isrAt >= 0 ? args.splice(isrAt, 2)[1] : null;
const [base, token, outDir = path.resolve(import.meta.dirname, '../../docs')] = args;
if (!base || !token) {
  console.error('usage: node e2e/screenshots.mjs <base-url> <token> [out-dir]');
  process.exit(2);
}
if ((await api(base, token, 'GET', '/api/plans/posture')).status === 404) {
  const job = (await api(base, token, 'POST', '/api/plans/posture', { cap: 30000, standoffKm: 50, timeLimitS: 30 })).json.job;
  await waitFor(async () => (await api(base, token, 'GET', `/api/plans/posture/jobs/${job.id}`)).json.state !== 'running', 120000, 1000);
  console.log('planned a posture (cap 30,000, stand-off 50 km)');
}
if ((await api(base, token, 'GET', '/api/plans/posture/sweep')).status === 404) {
  // the server's default sweep (10,000 to 30,000 troops by 5,000, 10 s each), so the chart shows a stored one
  const job = (await api(base, token, 'POST', '/api/plans/posture/sweep', {})).json.job;
  await waitFor(async () => (await api(base, token, 'GET', `/api/plans/posture/jobs/${job.id}`)).json.state !== 'running', 180000, 1000);
  console.log('swept the troop cap (10,000 to 30,000 by 5,000)');
}
const npp = (await api(base, token, 'GET', '/api/sites')).json.find((s) => s.id === 'npp-rivne');
if (npp) {
  for (let i = 0; i < 6; i++) {
    const distM = 9000 - 20 * i;
    await api(base, token, 'POST', '/api/reports', { sensor: 'op-rivne-north', time: new Date().toISOString(), lat: npp.lat + distM / 111320, lon: npp.lon, sigmaM: 20, kind: 'ground' });
    await new Promise((r) => setTimeout(r, 1000));
  }
}
const b = await launch({ width: 1400, height: 860 });
try {
  const page = await b.context.newPage();
  if (isrDir) {
    const serveFile = (file, type) => (route) =>
      route.fulfill({ status: 200, contentType: type, body: fs.readFileSync(path.join(isrDir, file), 'utf8') });
    await page.route('**/api/plans/isr', serveFile('isr-plan.json', 'application/json'));
    await page.route('**/api/plans/isr/coverage', serveFile('coverage.geojson', 'application/geo+json'));
  }
  await page.goto(new URL(`/#token=${encodeURIComponent(token)}`, base).href);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await waitFor(() => page.locator('[data-track-id]').count(), 20000);
  await page.waitForTimeout(1000);
  await page.click('#zoom-tracks');
  await page.waitForTimeout(500);
  await page.click('.leaflet-control-zoom-out'); // one level out, for the towns and sites around
  await page.waitForTimeout(6000); // trails grow
  const target = await page.evaluate(() => {
    for (const el of document.querySelectorAll('[data-track-id]')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.left > 300 && r.top > 300 && r.right < 800) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  });
  if (target) await page.mouse.click(target.x, target.y);
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(outDir, 'web-live.png') });
  console.log('wrote web-live.png');

  await page.goto(new URL('/#posture', base).href);
  await page.waitForSelector('.sweep-chart', { timeout: 20000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(outDir, 'web-posture.png') });
  console.log('wrote web-posture.png');

  await page.goto(new URL('/#isr', base).href);
  await page.waitForSelector('#isr-empty, .isr-timeline, #isr-requirements li', { timeout: 20000 }).catch(() => {});
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(outDir, 'web-isr.png') });
  console.log('wrote web-isr.png');

  const pub = await b.context.newPage();
  await pub.goto(new URL('/public', base).href);
  await pub.waitForSelector('#regions, .unavailable', { timeout: 20000 });
  await pub.screenshot({ path: path.join(outDir, 'web-public.png'), fullPage: false });
  console.log('wrote web-public.png');
  if (b.external.length) console.log(`# external requests blocked: ${b.external.join(' ')}`);
} finally {
  await b.close();
}
