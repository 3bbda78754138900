#!/usr/bin/env bash
# Cold start of `bin/stagger analyze` on one history: the wall and CPU seconds of RUNS whole processes, sorted, and
# their median (harness/RESULTS.md, "Cold start of bin/stagger analyze"). With several ROOTs (checkouts, each built),
# their runs alternate (A, B, A, B, ...), so that a busy machine's load falls on each alike. The first run of each
# root after a build writes its class-data archive (harness/target/analyze.jsa) and is not counted. Build first:
#   mvn -B -q -pl harness -am package -DskipTests
#   scripts/analyze-cold-start.sh [--history FILE] [--model NAME] [--runs N] [ROOT...]
# (default: harness/src/test/resources/histories/kv-valid.edn, kv, 20 runs, this checkout). Results go to a scratch
# store, removed after.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
history="$root/harness/src/test/resources/histories/kv-valid.edn"
model=kv
runs=20
roots=()
while (( $# )); do
  case "$1" in
    --history) history="$(readlink -f "$2")"; shift 2 ;;
    --model) model="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "analyze-cold-start.sh: unknown option $1" >&2; exit 2 ;;
    *) roots+=("$(cd "$1" && pwd)"); shift ;;
  esac
done
(( ${#roots[@]} )) || roots=("$root")
store="$(mktemp -d)"
times="$(mktemp -d)"
trap 'rm -rf "$store" "$times"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in "${!roots[@]}"; do
  "${roots[$r]}/bin/stagger" analyze --history "$history" --model "$model" --store "$store" > /dev/null || true
done
for _ in $(seq "$runs"); do
  for r in "${!roots[@]}"; do
    /usr/bin/time -f '%e %U %S' "${roots[$r]}/bin/stagger" analyze --history "$history" --model "$model" \
      --store "$store" 2>&1 > /dev/null | tail -1 >> "$times/$r"
  done
done
for r in "${!roots[@]}"; do
  echo "${roots[$r]}:"
  sort -n "$times/$r" | awk '{ wall[NR] = $1; cpu = $2 + $3; if (NR == 1 || cpu < low) low = cpu; if (cpu > high) high = cpu }
  END {
    printf "  wall s:"; for (i = 1; i <= NR; i++) printf " %.2f", wall[i]; printf "\n";
    printf "  cpu s: %.2f-%.2f\n", low, high;
    printf "  median wall %.2f s, slowest %.2f s (%d runs)\n", (NR % 2 ? wall[(NR + 1) / 2] : (wall[NR / 2] + wall[NR / 2 + 1]) / 2), wall[NR], NR }'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
