import 'leaflet/dist/leaflet.css';
import './styles.css';
import { askForToken, forgetToken, storedToken, tokenFromAddress } from './api/auth';
import { ApiClient } from './api/client';
import { LiveFeed } from './api/live';
import { IsrView } from './isr/view';
import { LiveView } from './live/view';
import { PostureView } from './posture/view';

/**
 * The COP page: signs in (token from #token=, sessionStorage, or asked once), then shows
 * one of three views by hash route (#live, #posture, #isr). The live map keeps running in
 * the background so returning to it shows the current picture at once.
 */
async function main(): Promise<void> {
  const token = tokenFromAddress() ?? storedToken() ?? (await askForToken('Enter the access token to open the COP.'));
  const api = new ApiClient(token, () => {
    forgetToken();
    return askForToken('The token was not accepted. Enter it again.');
  });
  const notice = document.getElementById('notice')!;
  const notify = (text: string) => {
    const p = document.createElement('p');
    p.textContent = text;
    notice.appendChild(p);
    setTimeout(() => p.remove(), 15000);
  };

  const feed = new LiveFeed(() => api.bearer);
  const live = new LiveView(document.getElementById('view-live')!, api, feed, notify);
  const posture = new PostureView(document.getElementById('view-posture')!, api, () => void live.planChanged());
  live.onPlanJob = (job) => posture.jobUpdate(job);
  const isr = new IsrView(document.getElementById('view-isr')!, api, () => api.theatre());
  const loaded = new Set<string>();

  const connection = document.getElementById('connection')!;
  feed.onState((state) => {
    connection.dataset.state = state;
    connection.textContent = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…', offline: 'offline' }[state];
    live.connection(state);
  });

  const show = async () => {
    const view = (location.hash.replace(/^#\/?/, '') || 'live').split(/[?&=]/)[0];
    const name = ['live', 'posture', 'isr'].includes(view) ? view : 'live';
    for (const v of ['live', 'posture', 'isr']) {
      document.getElementById(`view-${v}`)!.hidden = v !== name;
      document.querySelector(`nav a[data-view="${v}"]`)?.classList.toggle('active', v === name);
    }
    document.body.dataset.view = name;
    if (name === 'live') live.shown();
    if (!loaded.has(name)) {
      loaded.add(name);
      if (name === 'posture') await posture.load();
      if (name === 'isr') await isr.load();
    }
    if (name === 'isr') isr.shown();
  };
  window.addEventListener('hashchange', () => void show());
  document.getElementById('sign-out')!.addEventListener('click', () => {
    forgetToken();
    feed.stop();
    location.replace('/');
  });

  await show();
  await live.load();
  feed.start();
  document.body.dataset.ready = 'true';
}

void main();
