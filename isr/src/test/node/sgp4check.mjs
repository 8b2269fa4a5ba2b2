// An independent check of Vigil's satellite geometry with satellite.js (SGP4 after
// Vallado, GMST rotation to Earth-fixed, WGS84 observer) and a low-precision solar
// position (Astronomical Almanac formula), sharing no code with Vigil or Orekit.
//
//   node sgp4check.mjs passes REQUEST.json    -> one JSON line per pass
//   node sgp4check.mjs geometry REQUEST.json  -> one JSON line per (task, point)
//
// passes request:   {"lat","lon","start","hours","minElevationDeg","satellites":[{"satnum","tle1","tle2"}]}
// geometry request: {"tasks":[{"tle1","tle2","times":[ISO...],"points":[{"id","lat","lon"}]}]}
import fs from 'node:fs';
import * as sat from 'satellite.js';

const DEG = Math.PI / 180;
const [mode, file] = process.argv.slice(2);
const req = JSON.parse(fs.readFileSync(file, 'utf8'));

function ecfAt(satrec, date) {
  const pv = sat.propagate(satrec, date);
  if (!pv || !pv.position) throw new Error(`satellite.js: no state at ${date.toISOString()}`);
  const gmst = sat.gstime(date);
  return { ecf: sat.eciToEcf(pv.position, gmst), geo: sat.eciToGeodetic(pv.position, gmst) };
}

function elevationDeg(satrec, observer, date) {
  const { ecf } = ecfAt(satrec, date);
  return sat.ecfToLookAngles(observer, ecf).elevation / DEG;
}

if (mode === 'passes') {
  for (const s of req.satellites) passes(s);
} else if (mode === 'geometry') {
  for (const task of req.tasks) {
    const satrec = sat.twoline2satrec(task.tle1, task.tle2);
    for (const iso of task.times) {
      const date = new Date(iso);
      const { ecf, geo } = ecfAt(satrec, date);
      const sun = sunEcf(date);
      for (const p of task.points) {
        const obs = { latitude: p.lat * DEG, longitude: p.lon * DEG, height: 0 };
        const tgt = sat.geodeticToEcf(obs);
        const sub = sat.geodeticToEcf({ latitude: geo.latitude, longitude: geo.longitude, height: 0 });
        const los = sub3(tgt, ecf), nadir = sub3(sub, ecf);
        const offNadirDeg = angle(los, nadir) / DEG;
        const look = sat.ecfToLookAngles(obs, ecf);
        const groundKm = haversineKm(geo.latitude, geo.longitude, p.lat * DEG, p.lon * DEG);
        const up = { x: Math.cos(obs.latitude) * Math.cos(obs.longitude), y: Math.cos(obs.latitude) * Math.sin(obs.longitude), z: Math.sin(obs.latitude) };
        const sunElevationDeg = 90 - angle(up, sun) / DEG;
        console.log(JSON.stringify({ time: iso, id: p.id, subLat: geo.latitude / DEG, subLon: geo.longitude / DEG,
          heightKm: geo.height, offNadirDeg, elevationDeg: look.elevation / DEG, groundKm, sunElevationDeg }));
      }
    }
  }
} else {
  console.error('usage: node sgp4check.mjs passes|geometry REQUEST.json');
  process.exit(2);
}

function passes(s) {
  const satrec = sat.twoline2satrec(s.tle1, s.tle2);
  const observer = { latitude: req.lat * DEG, longitude: req.lon * DEG, height: 0 };
  const t0 = Date.parse(req.start), t1 = t0 + req.hours * 3600e3, stop = t1 + 1800e3;
  const el = (ms) => elevationDeg(satrec, observer, new Date(ms)) - req.minElevationDeg;
  const cross = (a, b) => { // bisection to 1 ms between sign changes
    const fa = el(a);
    while (b - a > 1) { const m = Math.floor((a + b) / 2); if ((el(m) > 0) === (fa > 0)) a = m; else b = m; }
    return b;
  };
  let prev = el(t0), rise = null;
  for (let t = t0 + 1000; t <= stop; t += 1000) {
    const cur = el(t);
    if (prev <= 0 && cur > 0) rise = t <= t1 ? cross(t - 1000, t) : null;
    if (prev > 0 && cur <= 0 && rise !== null) {
      const set = cross(t - 1000, t);
      let a = rise, b = set; // golden-section for the highest elevation
      const g = (Math.sqrt(5) - 1) / 2;
      while (b - a > 1) { const c = b - g * (b - a), d = a + g * (b - a); if (el(c) > el(d)) b = d; else a = c; }
      const top = Math.round((a + b) / 2);
      console.log(JSON.stringify({ satnum: s.satnum, rise: new Date(rise).toISOString(), culmination: new Date(top).toISOString(),
        set: new Date(set).toISOString(), maxElevationDeg: el(top) + req.minElevationDeg }));
      rise = null;
    }
    prev = cur;
  }
}

function sub3(a, b) { return { x: a.x - b.x, y: a.y - b.y, z: a.z - b.z }; }
function dot(a, b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
function angle(a, b) { return Math.acos(Math.max(-1, Math.min(1, dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b))))); }
function haversineKm(la1, lo1, la2, lo2) {
  const h = Math.sin((la2 - la1) / 2) ** 2 + Math.cos(la1) * Math.cos(la2) * Math.sin((lo2 - lo1) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}
// Sun direction in Earth-fixed axes: Astronomical Almanac low-precision formula (about 0.01 deg),
// rotated by GMST (satellite.js); a unit vector.
function sunEcf(date) {
  const n = date.getTime() / 86400e3 + 2440587.5 - 2451545.0;
  const L = (280.460 + 0.9856474 * n) * DEG, g = (357.528 + 0.9856003 * n) * DEG;
  const lambda = L + (1.915 * Math.sin(g) + 0.020 * Math.sin(2 * g)) * DEG;
  const eps = (23.439 - 0.0000004 * n) * DEG;
  const eci = { x: Math.cos(lambda), y: Math.cos(eps) * Math.sin(lambda), z: Math.sin(eps) * Math.sin(lambda) };
  return sat.eciToEcf(eci, sat.gstime(date));
}
