"""Per-target figures of scored track files: the table of bench/tracking/README.md.

usage: summarise.py DIR   (DIR holds NAME.csv scenarios, NAME.tracks.csv and NAME.score from score.py)
truths: mean living targets per scan; ids: distinct confirmed track ids (fragmentation when well
above targets); GOSPA/truth; loc: mean error of a detected target, m (gospa_loc over the truths
that are matched); miss %: share of target-scans missed; false/scan: false tracks per scan.
"""
import json
import os
import sys

out = sys.argv[1]
print(f"| scenario | truths | targets | ids | GOSPA | GOSPA/truth | loc m | miss % | false/scan | OSPA |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for f in sorted(os.listdir(out)):
    if not f.endswith('.score'):
        continue
    n = f[:-len('.score')]
    header, truth, targets = {}, 0, set()
    with open(os.path.join(out, n + '.csv')) as s:
        for line in s:
            if line.startswith('#'):
                if '=' in line:
                    k, v = line[1:].strip().split('=', 1)
                    header[k.strip()] = v.strip()
                continue
            p = line.split(',')
            if p[0] == 'truth':
                truth += 1
                targets.add(p[2])
    scans = round(float(header['duration']) / float(header['dt']))
    with open(os.path.join(out, f)) as sc:
        d = json.load(sc)
    ids = set()
    with open(os.path.join(out, n + '.tracks.csv')) as t:
        next(t)
        for line in t:
            ids.add(line.split(',')[1])
    mean_truths = truth / scans
    matched = max(mean_truths - d['gospa_missed'] / 50, 1e-9)
    print(f"| {n} | {mean_truths:.1f} | {len(targets)} | {len(ids)} | {d['gospa']:.2f} | {d['gospa'] / mean_truths:.2f} | "
          f"{d['gospa_loc'] / matched:.2f} | {100 * d['gospa_missed'] / 50 / mean_truths:.2f} | {d['gospa_false'] / 50:.3f} | "
          f"{d['ospa']:.2f} |")
