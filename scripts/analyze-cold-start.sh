#!/usr/bin/env bash
# Cold start of `bin/stagger analyze` on one history: the wall and CPU seconds of RUNS whole processes, sorted, and
# their median (harness/RESULTS.md, "Cold start of bin/stagger analyze"). The first run after a build writes the
# class-data archive (harness/target/analyze.jsa) and is not counted. Build first:
#   mvn -B -q -pl harness -am package -DskipTests
#   scripts/analyze-cold-start.sh [HISTORY] [MODEL] [RUNS]
# (default: harness/src/test/resources/histories/kv-valid.edn, kv, 20). Results go to a scratch store, removed after.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
history="${1:-$root/harness/src/test/resources/histories/kv-valid.edn}"
model="${2:-kv}"
runs="${3:-20}"
store="$(mktemp -d)"
trap 'rm -rf "$store"' EXIT
"$root/bin/stagger" analyze --history "$history" --model "$model" --store "$store" > /dev/null || true
for _ in $(seq "$runs"); do
  /usr/bin/time -f '%e %U %S' "$root/bin/stagger" analyze --history "$history" --model "$model" --store "$store" \
    2>&1 > /dev/null | tail -1
done | sort -n | awk '{ wall[NR] = $1; cpu = $2 + $3; if (NR == 1 || cpu < low) low = cpu; if (cpu > high) high = cpu }
END {
  printf "wall s:"; for (i = 1; i <= NR; i++) printf " %.2f", wall[i]; printf "\n";
  printf "cpu s: %.2f-%.2f\n", low, high;
  printf "median wall %.2f s, slowest %.2f s (%d runs)\n", (NR % 2 ? wall[(NR + 1) / 2] : (wall[NR / 2] + wall[NR / 2 + 1]) / 2), wall[NR], NR }'
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
