#!/usr/bin/env bash
# Runs one harness command for seeds 1..SEEDS, once per node variant set, and tabulates what the election and
# conference checkers report: verdicts, elections (and how many had no fault behind them), failovers, declarations
# and revocation rounds per failover, failover or resume times pooled over the seeds, the time to the first master.
#   scripts/election-survey.sh SEEDS VARIANT_SETS -- HARNESS_ARGS...
#     SEEDS          seeds 1..SEEDS per variant set
#     VARIANT_SETS   semicolon-separated --variants values for bin/stagger-node, e.g. "announce,epochs;announce,epochs,patient,prompt,roster"
#     HARNESS_ARGS   the rest of the bin/stagger test command line, without --bin, --seed and --store,
#                    e.g. -w election --node-count 5 --time-limit 30 --nemesis kill,partition
#   Environment: SURVEY_STORE (default a new directory under /tmp); SURVEY_BUSY=N keeps N CPU-bound processes
#                running beside every run (a busy machine).
# Prints a markdown table, one row per variant set. Exit code 0. Build first: mvn -B -q package -DskipTests.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
[[ $# -ge 3 && "$3" == "--" ]] || { sed -n '2,13p' "$0" >&2; exit 2; }
seeds="$1"
IFS=';' read -r -a sets <<< "$2"
shift 3
store="${SURVEY_STORE:-$(mktemp -d /tmp/stagger-survey.XXXXXX)}"
busy="${SURVEY_BUSY:-0}"
for f in "$root/harness/target/stagger-harness.jar" "$root/impl/target/stagger-node.jar"; do
  [[ -f "$f" ]] || { echo "election-survey: $f is not built; run: mvn -B -q -f $root/pom.xml package -DskipTests" >&2; exit 2; }
done

burners=()
for ((i = 0; i < busy; i++)); do
  (while :; do :; done) &
  burners+=($!)
done
trap 'kill "${burners[@]}" 2>/dev/null || true' EXIT

# Interleaved (every set's seed 1, then every set's seed 2, ...): the machine's load changes during a survey, and
# it must hit every set alike.
for ((seed = 1; seed <= seeds; seed++)); do
  for set in "${sets[@]}"; do
    dir="$store/$set/seed$seed"; mkdir -p "$dir"
    STAGGER_NODE_ARGS="--variants $set" "$root/bin/stagger" test --bin "$root/bin/stagger-node" "$@" \
        --seed "$seed" --store "$dir" --no-progress > "$dir/console.txt" 2>&1
    echo "$set seed $seed: exit $? $(grep -E '^elections|^resume' "$dir/console.txt" | cut -c1-110)" >&2
  done
done

python3 - "$store" "${sets[@]}" <<'PY'
import glob, json, math, os, re, sys
store, sets = sys.argv[1], sys.argv[2:]

def quantile(values, q):  # nearest rank
    values = sorted(values)
    return values[max(0, math.ceil(q * len(values)) - 1)] if values else float("nan")

def times(values):
    return f"{quantile(values, 0.5):.0f} / {quantile(values, 0.99):.0f} / {max(values):.0f}" if values else "-"

print("| variants | runs valid | elections (spurious) per run | failovers per run | declarations per failover |"
      " max revocations in a failover | failover ms p50 / p99 / max | resume ms p50 / p99 / max |"
      " first master ms (max) |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for s in sets:
    runs = valid = elections = spurious = failovers = declared = 0
    max_rev = 0
    failover_ms, resume_ms, first = [], [], []
    found = glob.glob(f"{store}/{s}/seed*/**/results.json", recursive=True)
    for path in sorted({os.path.realpath(p) for p in found}):  # each run once: `latest` links to it
        r = json.load(open(path))
        w = r["workload"]
        runs += 1
        valid += r.get("valid?") is True
        elections += w.get("election-count", 0)
        spurious += w.get("spurious-election-count", 0)
        n = w.get("failover-count", 0) - w.get("unresolved-failover-count", 0)
        failovers += n
        declared += w.get("declarations-per-failover", 0) * n
        max_rev = max(max_rev, w.get("max-revocations-in-a-failover", 0))
        for line in w.get("failovers", {}).values() if isinstance(w.get("failovers"), dict) else []:
            m = re.search(r"after ([0-9.]+) ms", line)
            if m:
                failover_ms.append(float(m.group(1)))
        for line in w.get("resume", {}).get("failovers", []):
            m = re.search(r": ([0-9.]+) ms after", line)
            if m:
                resume_ms.append(float(m.group(1)))
        if w.get("first-agreement-ms", -1) >= 0:
            first.append(w["first-agreement-ms"])
    per = lambda x: f"{x / runs:.1f}" if runs else "-"
    print(f"| {s} | {valid} of {runs} | {per(elections)} ({per(spurious)}) | {per(failovers)} |"
          f" {declared / failovers if failovers else 0:.2f} | {max_rev} | {times(failover_ms)} | {times(resume_ms)} |"
          f" {max(first) if first else '-'} |")
PY
echo "(runs in $store)"
