#!/usr/bin/env bash
# Start time of the pgtestkit command line (BENCHMARKS.md, "CLI start"): `./pgtestkit --version`, cold (the first run
# after a build: no AppCDS archive yet, this run records it) and warm (later runs, with the archive), beside two
# baselines measured in the same run: `java -jar pgtestkit.jar --version` without the archive, and an empty Java
# program (the JVM's own floor). Wall and CPU (user + sys) time per run; median, mean and p95 of N runs.
#   benchmarks/cli-start.sh [N]        (default 9; the launcher must have built the jar: ./pgtestkit --version)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-9}
jar=distribution/target/pgtestkit.jar
archive=distribution/target/launcher/pgtestkit.jsa
[[ -f "$jar" ]] || { echo "build first: ./pgtestkit --version" >&2; exit 1; }
[[ -z "$(PGTESTKIT_LAUNCHER=status ./pgtestkit | grep -v '^fresh$')" ]] || { echo "the jar is stale: ./pgtestkit --version" >&2; exit 1; }
hello=$(mktemp -d)
printf 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }\n' >"$hello/Hello.java"
javac -d "$hello" "$hello/Hello.java"

measure() { # label, then the command; before-each is run before every sample
  local label=$1; shift
  local t=()
  for _ in $(seq "$n"); do
    eval "${before_each:-true}"
    /usr/bin/time -f '%e %U %S' -o "$hello/time" "$@" >/dev/null 2>&1
    t+=("$(cat "$hello/time")")
  done
  printf '%s\n' "${t[@]}" | awk -v label="$label" '{w[NR]=$1*1000; c[NR]=($2+$3)*1000} END {
    n=asort(w); asort(c); for(i=1;i<=n;i++){sw+=w[i]; sc+=c[i]}; p=int(0.95*n+0.999); if(p>n)p=n; m=int((n+1)/2)
    printf "| %s | %d | %d | %d | %d | %d | %d |\n", label, w[m], sw/n, w[p], c[m], sc/n, c[p]}'
}

echo "| what ($n runs each, ms) | wall median | wall mean | wall p95 | CPU median | CPU mean | CPU p95 |"
echo "|---|---|---|---|---|---|---|"
before_each="rm -f $archive" measure "./pgtestkit --version, cold (no archive; records it)" ./pgtestkit --version
./pgtestkit --version >/dev/null
before_each= measure "./pgtestkit --version, warm (AppCDS archive)" ./pgtestkit --version
before_each= measure "baseline: java -jar pgtestkit.jar --version (no archive)" java -jar "$jar" --version
before_each= measure "floor: empty Java program" java -cp "$hello" Hello
before_each= measure "./pgtestkit --help, warm" ./pgtestkit --help
rm -rf "$hello"
echo
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
