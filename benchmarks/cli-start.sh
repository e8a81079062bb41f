#!/usr/bin/env bash
# Start time of the pgtestkit command line (BENCHMARKS.md, "CLI start"), beside baselines measured in the same run:
# the same jar started with `java -jar` and no archive, and a tiny hello-world jar (`java -Xshare:auto -cp hello.jar
# Hello`: the JVM's own floor). Wall and CPU (user + sys) time per run; median, mean and p95 of N runs, the kinds
# interleaved round by round so that a change in the machine's load touches them all alike.
#
#   benchmarks/cli-start.sh [N [BEFORE]]     (default 10; the launcher must have built the jar: ./pgtestkit --version)
#
# Kinds: `./pgtestkit --version`, `--help`, `list DIR` (a one-table dump committed to a git repository made here) and,
# when PGTESTKIT_BENCH_URL names a database (jdbc:postgresql://…), `schema --url URL`; each warm (its AppCDS archive
# recorded by an earlier run of the same kind), and `--version` cold too (its archive deleted first: this run records
# it). BEFORE, the root of another checkout whose launcher has built its jar, adds that launcher's warm runs of the
# same commands ("before").
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10}
before=${2:-}
jar=distribution/target/pgtestkit.jar
archives=distribution/target/launcher/cds
url=${PGTESTKIT_BENCH_URL:-}
[[ -f "$jar" ]] || { echo "build first: ./pgtestkit --version" >&2; exit 1; }
[[ -z "$(PGTESTKIT_LAUNCHER=status ./pgtestkit | grep -v '^fresh$')" ]] || { echo "the jar is stale: ./pgtestkit --version" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }\n' >"$tmp/Hello.java"
javac -d "$tmp" "$tmp/Hello.java"
jar cf "$tmp/hello.jar" -C "$tmp" Hello.class

# A dump for `list`, committed to git: list reads its manifest and asks git (JGit) for the last commit.
mkdir -p "$tmp/repo/dumps/shop/data"
printf '1\tAda\n2\tGrace\n' >"$tmp/repo/dumps/shop/data/public.customers.0.copy"
git -C "$tmp/repo" init -q
if [[ -n "$url" ]]; then
  rm -rf "$tmp/repo/dumps/shop"
  ./pgtestkit --quiet dump --url "$url" --output "$tmp/repo/dumps/shop" >/dev/null
fi
git -C "$tmp/repo" add -A
git -C "$tmp/repo" -c user.name=bench -c user.email=bench@localhost commit -qm dump
list_dir="$tmp/repo/dumps"

commands=("--version" "--help" "list $list_dir")
[[ -n "$url" ]] && commands+=("schema --url $url")
kinds=("cold|./pgtestkit --version, cold (no archive for the kind; this run records it)|rm -f $archives/version.jsa|./pgtestkit --version")
for c in "${commands[@]}"; do
  label=${c/$list_dir/DIR}
  [[ -n "$url" ]] && label=${label/$url/URL}
  kinds+=("warm $c|./pgtestkit $label, warm||./pgtestkit $c")
  [[ -n "$before" ]] && kinds+=("before $c|before: ./pgtestkit $label, warm||$before/pgtestkit $c")
done
kinds+=(
  "nocds|baseline: java -jar pgtestkit.jar --version (no archive, JVM defaults)||java -jar $jar --version"
  "hello|floor: java -Xshare:auto -cp hello.jar Hello||java -Xshare:auto -cp $tmp/hello.jar Hello"
)

# Each kind once, unmeasured: every warm kind has its archive, and list/schema work.
for kind in "${kinds[@]}"; do
  IFS='|' read -r _ _ _ command <<<"$kind"
  # shellcheck disable=SC2086 # the command is a list of words
  $command >/dev/null 2>"$tmp/err" || { echo "failed: $command"; cat "$tmp/err"; exit 1; } >&2
done

loads=()
for _ in $(seq "$n"); do
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  for kind in "${kinds[@]}"; do
    IFS='|' read -r key _ prepare command <<<"$kind"
    eval "${prepare:-true}"
    # shellcheck disable=SC2086 # the command is a list of words
    /usr/bin/time -f '%e %U %S' -o "$tmp/time" $command >/dev/null 2>&1
    echo "$key|$(cat "$tmp/time")" >>"$tmp/samples"
  done
done

echo "| what ($n runs each, ms) | wall median | wall mean | wall p95 | CPU median | CPU mean | CPU p95 |"
echo "|---|---|---|---|---|---|---|"
for kind in "${kinds[@]}"; do
  IFS='|' read -r key label _ _ <<<"$kind"
  awk -F'|' -v k="$key" '$1 == k {print $2}' "$tmp/samples" | awk -v label="$label" '{w[NR]=$1*1000; c[NR]=($2+$3)*1000} END {
    n=asort(w); asort(c); for(i=1;i<=n;i++){sw+=w[i]; sc+=c[i]}; p=int(0.95*n+0.999); if(p>n)p=n; m=int((n+1)/2)
    printf "| %s | %d | %d | %d | %d | %d | %d |\n", label, w[m], sw/n, w[p], c[m], sc/n, c[p]}'
done
echo
echo "1-minute load average at each round: ${loads[*]} (now $(cut -d' ' -f1-3 /proc/loadavg)), $(nproc) cores;" \
  "$(java -version 2>&1 | head -n 1); PGTESTKIT_JAVA_OPTS='${PGTESTKIT_JAVA_OPTS:-}'"
