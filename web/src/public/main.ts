import './public.css';
import type { PublicStatus } from '../api/types';

/**
 * The public status page (/public, no token): for people returning home, the status of cities
 * and services by region in plain language. It reads only /api/public/status, which the
 * server has already delayed and coarsened; nothing here knows of the force or its sensors.
 */

const KIND_WORDS: Record<string, string> = {
  city: 'City',
  nuclear_power_station: 'Nuclear power station',
  port: 'Port',
  airport: 'Airport',
  rail_hub: 'Railway hub',
  border_crossing: 'Border crossing',
  hydro_power_station: 'Hydro power station',
  thermal_power_station: 'Power station',
  gas_storage: 'Gas storage',
  bridge: 'Bridge',
  logistics_hub: 'Freight hub',
  substation: 'Electricity substation',
};

const STATUS_WORDS: Record<string, { short: string; long: string }> = {
  normal: { short: 'Normal', long: 'No reported threat nearby.' },
  heightened: { short: 'Heightened', long: 'Something nearby is being looked into. Follow local authority guidance.' },
};

async function main(): Promise<void> {
  const root = document.getElementById('public-root')!;
  let status: PublicStatus;
  try {
    const res = await fetch('/api/public/status', { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`the status service answered ${res.status}`);
    status = (await res.json()) as PublicStatus;
  } catch (e) {
    root.innerHTML = '<p class="unavailable">The status is not available right now. Please try again later.</p>';
    console.warn(e);
    return;
  }
  render(root, status);
}

function render(root: HTMLElement, s: PublicStatus): void {
  const level = STATUS_WORDS[s.level] ?? { short: s.level, long: '' };
  const updated = new Date(s.updated);
  const delay = s.delayMinutes ? `at least ${s.delayMinutes} minutes` : 'deliberately';
  root.innerHTML = `
    <section class="overall level-${s.level}">
      <h2>Overall: <span id="overall-level"></span></h2>
      <p id="overall-text"></p>
      <p class="as-of">Information as of <time id="as-of"></time>. It is published ${delay} late and without exact detail, for everyone's safety.</p>
    </section>
    <section id="regions"></section>`;
  root.querySelector('#overall-level')!.textContent = level.short;
  root.querySelector('#overall-text')!.textContent = level.long;
  const asOf = root.querySelector('#as-of')!;
  asOf.textContent = Number.isNaN(updated.getTime()) ? s.updated : `${updated.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  asOf.setAttribute('datetime', s.updated);

  const regions = new Map<string, PublicStatus['sites']>();
  for (const site of s.sites) {
    const region = site.oblast ? `${site.oblast} region` : 'All regions';
    if (!regions.has(region)) regions.set(region, []);
    regions.get(region)!.push(site);
  }
  const box = root.querySelector('#regions')!;
  for (const [region, sites] of [...regions.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const section = document.createElement('section');
    section.className = 'region';
    const h = document.createElement('h3');
    h.textContent = region;
    const heightened = sites.filter((x) => x.status !== 'normal').length;
    const summary = document.createElement('p');
    summary.className = 'region-summary';
    summary.textContent = heightened ? `${heightened} place${heightened > 1 ? 's' : ''} with heightened status.` : 'Everything listed here is normal.';
    const ul = document.createElement('ul');
    for (const site of [...sites].sort((a, b) => a.name.localeCompare(b.name))) {
      const li = document.createElement('li');
      li.className = `place status-${site.status}`;
      li.dataset.place = site.id;
      const words = STATUS_WORDS[site.status] ?? { short: site.status, long: '' };
      li.innerHTML = '<span class="name"></span> <span class="kind"></span> <span class="status"></span>';
      li.querySelector('.name')!.textContent = site.name;
      li.querySelector('.kind')!.textContent = KIND_WORDS[site.kind] ?? site.kind.replace(/_/g, ' ');
      li.querySelector('.status')!.textContent = words.short;
      li.title = words.long;
      ul.appendChild(li);
    }
    section.append(h, summary, ul);
    box.appendChild(section);
  }
}

void main();
