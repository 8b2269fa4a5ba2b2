#!/usr/bin/env bash
# Generalisation study of Vigil's tracker: scenarios the tracker was not tuned on, made by the
# shared generator with other seeds and harder settings, tracked with `vigil track` (defaults:
# GNN, NCV) and scored with the shared score.py. Prints the table of README.md here.
#
# usage: bench/tracking/generalisation.sh [OUTDIR]   (from the project root; needs python3 with
# numpy and scipy, or VIGIL_PYTHON; extra `vigil track` options via TRACK_OPTS, e.g. "--motion imm")
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
shared=${VIGIL_SHARED:-$here/../shared}/bench/tracking
out=${1:-$here/out/generalisation}
py=${VIGIL_PYTHON:-python3}
mkdir -p "$out"
gen() { local name=$1; shift; [ -f "$out/$name.csv" ] || "$py" "$shared/gen_scenario.py" --out "$out/$name.csv" "$@"; }
M="--region=-15000,15000,-15000,15000"
gen g1-medium-s11 --seed 11 --targets 100 --pd 0.9 --clutter-rate 20 --sigma 25 $M
gen g2-convoys-s12 --seed 12 --targets 40 --pd 0.85 --clutter-rate 10 --sigma 20 --region=-10000,10000,-10000,10000 --convoys 5 --convoy-size 8
gen g3-small-s13 --seed 13 --targets 10 --pd 0.95 --clutter-rate 0 --sigma 10 --region=-5000,5000,-5000,5000
gen h1-pd08 --seed 21 --targets 100 --pd 0.8 --clutter-rate 20 --sigma 25 $M
gen h2-pd07 --seed 22 --targets 100 --pd 0.7 --clutter-rate 20 --sigma 25 $M
gen h3-dense300 --seed 23 --targets 300 --pd 0.9 --clutter-rate 20 --sigma 25 $M
gen h4-crossings --seed 24 --targets 100 --pd 0.85 --clutter-rate 10 --sigma 20 --region=-8000,8000,-8000,8000 --crossing-frac 0.9 --convoys 5 --convoy-size 8
gen h5-clutter100 --seed 25 --targets 100 --pd 0.9 --clutter-rate 100 --sigma 25 $M
gen h6-pd07-clutter50-cross --seed 26 --targets 150 --pd 0.7 --clutter-rate 50 --sigma 25 --region=-12000,12000,-12000,12000 --crossing-frac 0.6 --convoys 4 --convoy-size 8
gen h7-two-sensors --seed 27 --targets 100 --pd 0.85 --clutter-rate 20 --sigma 10,50 $M
gen h8-all-sensors --seed 28 --targets 100 --pd 0.8 --clutter-rate 20 --sigma 15,40 --sensor-mode all $M
for f in "$shared"/scenarios/*.csv; do cp -f "$f" "$out/"; done
for f in "$out"/*.csv; do
  case $f in *.tracks.csv) continue ;; esac
  n=$(basename "$f" .csv)
  "$here/vigil" track --scenario "$f" --out "$out/$n.tracks.csv" ${TRACK_OPTS:-} > "$out/$n.run"
  "$py" "$shared/score.py" "$f" "$out/$n.tracks.csv" > "$out/$n.score"
done
"$py" "$here/bench/tracking/summarise.py" "$out"
