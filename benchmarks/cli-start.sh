#!/usr/bin/env bash
# Start time of the pgtestkit command line (BENCHMARKS.md, "CLI start"): `./pgtestkit --version` and
# `./pgtestkit schema --help`, cold (the first run after a build: no AppCDS archive yet, this run records it) and warm
# (later runs, with the archive), beside baselines measured in the same run: the same jar started with `java -jar` and
# no archive, and a tiny hello-world jar (`java -Xshare:auto -cp hello.jar Hello`: the JVM's own floor). Wall and CPU
# (user + sys) time per run; median, mean and p95 of N runs, the kinds interleaved round by round so that a change in
# the machine's load touches them all alike.
#   benchmarks/cli-start.sh [N]        (default 10; the launcher must have built the jar: ./pgtestkit --version)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10}
jar=distribution/target/pgtestkit.jar
archive=distribution/target/launcher/pgtestkit.jsa
[[ -f "$jar" ]] || { echo "build first: ./pgtestkit --version" >&2; exit 1; }
[[ -z "$(PGTESTKIT_LAUNCHER=status ./pgtestkit | grep -v '^fresh$')" ]] || { echo "the jar is stale: ./pgtestkit --version" >&2; exit 1; }
tmp=$(mktemp -d)
printf 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }\n' >"$tmp/Hello.java"
javac -d "$tmp" "$tmp/Hello.java"
jar cf "$tmp/hello.jar" -C "$tmp" Hello.class

kinds=(
  "cold|./pgtestkit --version, cold (no archive; records it)|rm -f $archive|./pgtestkit --version"
  "version|./pgtestkit --version, warm (AppCDS archive)||./pgtestkit --version"
  "help|./pgtestkit schema --help, warm||./pgtestkit schema --help"
  "nocds|baseline: java -jar pgtestkit.jar --version (no archive)||java -jar $jar --version"
  "hello|floor: java -Xshare:auto -cp hello.jar Hello||java -Xshare:auto -cp $tmp/hello.jar Hello"
)
./pgtestkit --version >/dev/null
for _ in $(seq "$n"); do
  for kind in "${kinds[@]}"; do
    IFS='|' read -r key _ before command <<<"$kind"
    eval "${before:-true}"
    # shellcheck disable=SC2086 # the command is a list of words
    /usr/bin/time -f '%e %U %S' -o "$tmp/time" $command >/dev/null 2>&1
    echo "$key $(cat "$tmp/time")" >>"$tmp/samples"
  done
done

echo "| what ($n runs each, ms) | wall median | wall mean | wall p95 | CPU median | CPU mean | CPU p95 |"
echo "|---|---|---|---|---|---|---|"
for kind in "${kinds[@]}"; do
  IFS='|' read -r key label _ _ <<<"$kind"
  grep "^$key " "$tmp/samples" | awk -v label="$label" '{w[NR]=$2*1000; c[NR]=($3+$4)*1000} END {
    n=asort(w); asort(c); for(i=1;i<=n;i++){sw+=w[i]; sc+=c[i]}; p=int(0.95*n+0.999); if(p>n)p=n; m=int((n+1)/2)
    printf "| %s | %d | %d | %d | %d | %d | %d |\n", label, w[m], sw/n, w[p], c[m], sc/n, c[p]}'
done
rm -rf "$tmp"
echo
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; PGTESTKIT_JAVA_OPTS='${PGTESTKIT_JAVA_OPTS:-}'"
