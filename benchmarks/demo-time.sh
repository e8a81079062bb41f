#!/usr/bin/env bash
# Wall and CPU time of `./pgtestkit demo` (BENCHMARKS.md, "The demo"): N pairs of runs, each pair a first run into a
# new output directory (a new git repository) and a second run into the same one (the second commit), and the
# median time of each step as the demo prints it. The launcher must have built the jar: ./pgtestkit --version.
#   benchmarks/demo-time.sh [N]        (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2}
[[ -z "$(PGTESTKIT_LAUNCHER=status ./pgtestkit | grep -v '^fresh$')" ]] || { echo "the jar is stale: ./pgtestkit --version" >&2; exit 1; }
work=$(mktemp -d)
for i in $(seq "$n"); do
  out="$work/out$i"
  for run in first second; do
    /usr/bin/time -f '%e %U %S' -o "$work/time" ./pgtestkit demo --out "$out" >"$work/$run$i.log" 2>&1
    echo "$run $(cat "$work/time") $(cut -d' ' -f1 /proc/loadavg)" >>"$work/runs"
  done
done
echo "| run ($n each) | wall median s | wall mean s | wall max s | CPU median s | load average (1 min) at the end |"
echo "|---|---|---|---|---|---|"
for run in first second; do
  grep "^$run " "$work/runs" | awk -v label="$run" '{w[NR]=$2; c[NR]=$3+$4; l=l (l?", ":"") $5; s+=$2} END {
    n=asort(w); asort(c); m=int((n+1)/2); printf "| %s | %.1f | %.1f | %.1f | %.1f | %s |\n", label, w[m], s/n, w[n], c[m], l}'
done
echo
echo "| step | median ms (all runs) |"
echo "|---|---|"
cat "$work"/*.log | grep -oE '(^|[^0-9,])[0-9]+\. [A-Z].*\([0-9]+ ms\)$' | sed -E 's/^[^0-9]*([0-9]+)\. (.{22}).*\(([0-9]+) ms\)$/\1 \2|\3/' \
  | awk -F'|' '{k=$1; v[k]=v[k] " " $2} END {for (k in v) {n=split(v[k], a, " "); asort(a); printf "| %s | %d |\n", k, a[int((n+1)/2)]}}' \
  | sort -t' ' -k2,2n
echo
echo "$(nproc) cores; Java: $(java -version 2>&1 | head -1)"
rm -rf "$work"
