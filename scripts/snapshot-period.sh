#!/usr/bin/env bash
# Measures the effect of the service's snapshot period (bin/stagger-node --snapshot-period) on the conference's resume
# time and on the messages between servers: runs the harness's conference workload once per seed for each period.
#   scripts/snapshot-period.sh [SEEDS] [TIME_LIMIT_SECONDS] [PERIODS]
#     SEEDS               seeds 1..SEEDS per period (default 3)
#     TIME_LIMIT_SECONDS  --time-limit of each run (default 60)
#     PERIODS             comma-separated --snapshot-period values (default 0,250ms,1000ms,4000ms; 0 = no snapshots)
#   Environment: PERIOD_NEMESES (default kill,partition), PERIOD_NODES (default 5),
#                PERIOD_STORE (default a new directory under /tmp).
# Prints a markdown table, one row per period: runs valid, failovers timed, resume time after a failover (pooled over
# the seeds: p50, p99, max), messages and bytes sent between servers per second (mean over the seeds).
# Exit code: 0 if every run was valid, 1 otherwise. Build first: mvn -B -q package -DskipTests.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
seeds="${1:-3}"
time_limit="${2:-60}"
IFS=, read -r -a periods <<< "${3:-0,250ms,1000ms,4000ms}"
nemeses="${PERIOD_NEMESES:-kill,partition}"
nodes="${PERIOD_NODES:-5}"
store="${PERIOD_STORE:-$(mktemp -d /tmp/stagger-period.XXXXXX)}"
mkdir -p "$store"
for f in "$root/harness/target/stagger-harness.jar" "$root/impl/target/stagger-node.jar"; do
  [[ -f "$f" ]] || { echo "snapshot-period: $f is not built; run: mvn -B -q -f $root/pom.xml package -DskipTests" >&2; exit 2; }
done

overall=0
for period in "${periods[@]}"; do
  for ((seed = 1; seed <= seeds; seed++)); do
    dir="$store/period-$period/seed$seed"; mkdir -p "$dir"
    STAGGER_NODE_ARGS="--snapshot-period $period" "$root/bin/stagger" test -w conference \
        --bin "$root/bin/stagger-node" --node-count "$nodes" --time-limit "$time_limit" --nemesis "$nemeses" \
        --seed "$seed" --store "$dir" --no-progress > "$dir/console.txt" 2>&1
    code=$?
    [[ "$code" == 0 ]] || overall=1
    echo "period $period seed $seed: exit $code ($(grep -E '^resume' "$dir/console.txt" | cut -c1-120))" >&2
  done
done

python3 - "$store" "$seeds" "${periods[@]}" <<'PY'
import glob, json, math, os, re, statistics, sys
store, seeds, periods = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def quantile(values, q):  # nearest rank
    values = sorted(values)
    return values[max(0, math.ceil(q * len(values)) - 1)]

print("| --snapshot-period | runs valid | failovers timed | resume p50 / p99 / max (ms) | server msgs/s | server KB/s |")
print("| --- | --- | --- | --- | --- | --- |")
for period in periods:
    resumes, msgs, kbytes, valid, runs = [], [], [], 0, 0
    found = glob.glob(f"{store}/period-{period}/seed*/**/results.json", recursive=True)
    for results in sorted({os.path.realpath(p) for p in found}):  # each run once: `latest` links to it
        runs += 1
        r = json.load(open(results))
        valid += r.get("valid?") is True
        for line in r["workload"].get("resume", {}).get("failovers", []):
            m = re.search(r": ([0-9.]+) ms after", line)
            if m:
                resumes.append(float(m.group(1)))
        servers = r["net"]["servers"]
        msgs.append(servers["sent-per-second"])
        kbytes.append(servers["sent-bytes-per-second"] / 1024)
    resume = (f"{quantile(resumes, 0.5):.0f} / {quantile(resumes, 0.99):.0f} / {max(resumes):.0f}"
              if resumes else "-")
    mean = lambda xs: f"{statistics.mean(xs):.0f}" if xs else "-"
    print(f"| {period} | {valid} of {runs} | {len(resumes)} | {resume} | {mean(msgs)} | {mean(kbytes)} |")
PY
echo "(runs in $store)"
exit $overall
