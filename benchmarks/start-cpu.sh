#!/usr/bin/env bash
# CPU time of a node's start, to compare builds: each ROOT's bin/stagger-node is started 10 times per batch (init,
# then EOF: the node answers init_ok and stops), batches interleaved between the roots, and the CPU time (user +
# system) of all the starts summed, so the clock tick of a single start (10 ms) averages out. CPU time is what a
# start costs whatever the machine's load; the wall time of a start on a busy machine is that stretched.
#
#   benchmarks/start-cpu.sh [--batches N] ROOT...      e.g. benchmarks/start-cpu.sh . ../stagger-before
#
# --batches: batches per root (default 6). The first batch of each root trains its start-up archive when its jar is
# new; run once before measuring, or read the later batches.
set -euo pipefail
batches=6
roots=()
while (( $# )); do
  case "$1" in
    --batches) batches="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) roots+=("$1"); shift ;;
  esac
done
if (( ${#roots[@]} == 0 )); then
  echo "start-cpu.sh: give at least one ROOT (a checkout with impl/target/stagger-node.jar built)" >&2
  exit 2
fi
init='{"src":"c1","dest":"n1","body":{"type":"init","msg_id":1,"node_id":"n1","node_ids":["n1","n2","n3"]}}'
# Prints the CPU milliseconds of 10 starts of $1 (bash's `times`: the children's user and system time).
batch() {
  bash -c 'for i in 1 2 3 4 5 6 7 8 9 10; do echo "$1" | "$0" --boot start >/dev/null 2>&1; done; times' \
    "$1/bin/stagger-node" "$init" | tail -n 1 |
    awk '{ split($1, u, "m"); split($2, s, "m"); printf "%.0f\n", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }'
}
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A total
for ((round = 1; round <= batches; round++)); do
  line="batch $round:"
  for root in "${roots[@]}"; do
    ms="$(batch "$root")"
    total[$root]=$(( ${total[$root]:-0} + ms ))
    line+="  $root ${ms} ms"
  done
  echo "$line  (per 10 starts; load $(cut -d' ' -f1 /proc/loadavg))"
done
for root in "${roots[@]}"; do
  echo "$root: $(( total[$root] / (10 * batches) )) ms of CPU per start (mean of $(( 10 * batches )))"
done
