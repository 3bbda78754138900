#!/usr/bin/env bash
# Soak: runs `bin/stagger test` with every nemesis for N seeds in a row per workload, and samples the nodes.
#   scripts/soak.sh N [TIME_LIMIT_SECONDS] [WORKLOADS]
#     N                   runs (seeds 1..N) per workload
#     TIME_LIMIT_SECONDS  --time-limit of each run (default 30)
#     WORKLOADS           comma-separated (default: election,lin-kv, and conference once the harness has it)
#   Environment: SOAK_NEMESES (default partition,kill,pause,loss,clock), SOAK_NODES (default 5),
#                SOAK_STORE (default a new directory under /tmp), SOAK_EXTRA (more `bin/stagger test` flags).
# Prints, per workload, how many runs were valid (exit 0), invalid (exit 1) and failed (exit 2, or anything else),
# with the seeds and result directories of every run that was not valid; and, from sampling every 0.5 s the
# java processes whose command line holds stagger-node.jar and that descend from the run's harness (other
# engineers' runs on the same machine are not counted), the highest VmRSS and open-fd count of each node process
# (a node killed by the nemesis comes back as a new process: each gets its own line, in start order).
# Exit code: 0 if every run was valid, 1 otherwise. Build first: mvn -B -q package -DskipTests.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
n="${1:?usage: scripts/soak.sh N [TIME_LIMIT_SECONDS] [WORKLOADS]}"
time_limit="${2:-30}"
nemeses="${SOAK_NEMESES:-partition,kill,pause,loss,clock}"
nodes="${SOAK_NODES:-5}"
store="${SOAK_STORE:-$(mktemp -d /tmp/stagger-soak.XXXXXX)}"
mkdir -p "$store"
if [[ -n "${3:-}" ]]; then
  IFS=, read -r -a workloads <<< "$3"
else
  workloads=(election lin-kv)
  if "$root/bin/stagger" test --help 2>/dev/null | grep -q conference; then workloads+=(conference); fi
fi
for f in "$root/harness/target/stagger-harness.jar" "$root/impl/target/stagger-node.jar"; do
  [[ -f "$f" ]] || { echo "soak: $f is not built; run: mvn -B -q -f $root/pom.xml package -DskipTests" >&2; exit 2; }
done

# True if $1 descends from $2.
descends() {
  local p="$1" stat
  while [[ "$p" -gt 1 ]]; do
    [[ "$p" == "$2" ]] && return 0
    stat="$(cat "/proc/$p/stat" 2>/dev/null)" || return 1
    stat="${stat##*) }"; set -- "$1" "$2"; read -r _ p _ <<< "$stat"
  done
  return 1
}

# Samples the node processes under harness pid $1 into file $2 (lines: pid starttime rss_kb fds) until it exits.
sample() {
  local harness="$1" out="$2" pid rss fds start
  while kill -0 "$harness" 2>/dev/null; do
    for pid in $(pgrep -f 'stagger-node\.jar' 2>/dev/null); do
      descends "$pid" "$harness" || continue
      # the launcher's one-off training runs for its start-up archive (the first start after a build) are not nodes
      tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qE 'DumpLoadedClassList|Xshare:dump|AOTMode=' && continue
      rss="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null)"
      fds="$(ls "/proc/$pid/fd" 2>/dev/null | wc -l)"
      start="$(awk '{print $22}' "/proc/$pid/stat" 2>/dev/null)"
      [[ -n "$rss" && -n "$start" ]] && echo "$pid $start $rss $fds" >> "$out"
    done
    sleep 0.5
  done
}

overall=0
report=""
for w in "${workloads[@]}"; do
  valid=0; invalid=0; failed=0; bad=""
  samples="$store/$w.samples"; : > "$samples"
  for ((seed = 1; seed <= n; seed++)); do
    dir="$store/$w-seed$seed"; mkdir -p "$dir"
    started=$(date +%s)
    "$root/bin/stagger" test -w "$w" --bin "$root/bin/stagger-node" --node-count "$nodes" \
        --time-limit "$time_limit" --nemesis "$nemeses" --seed "$seed" --store "$dir" --no-progress \
        ${SOAK_EXTRA:-} > "$dir/console.txt" 2>&1 &
    harness=$!
    sample "$harness" "$samples" &
    sampler=$!
    wait "$harness"; code=$?
    wait "$sampler" 2>/dev/null
    took=$(( $(date +%s) - started ))
    case "$code" in
      0) valid=$((valid + 1)); verdict=valid ;;
      1) invalid=$((invalid + 1)); verdict=INVALID; bad+=" seed $seed invalid ($dir);" ;;
      *) failed=$((failed + 1)); verdict="FAILED (exit $code)"; bad+=" seed $seed failed, exit $code ($dir);" ;;
    esac
    echo "$w seed $seed: $verdict in ${took}s"
    [[ "$code" == 0 ]] || { overall=1; tail -5 "$dir/console.txt" | sed 's/^/    /'; }
  done
  line="$w: $valid valid, $invalid invalid, $failed failed of $n"
  [[ -n "$bad" ]] && line+=" - not valid:$bad"
  report+="$line"$'\n'
  if [[ -s "$samples" ]]; then
    report+="$(sort -k2,2n -k1,1n "$samples" | awk -v w="$w" '
      { key = $1 " " $2; if (!(key in rss)) { order[++count] = key }
        if ($3 > rss[key]) rss[key] = $3; if ($4 > fds[key]) fds[key] = $4 }
      END {
        maxr = 0; maxf = 0
        for (i = 1; i <= count; i++) { k = order[i]; split(k, p, " ")
          if (rss[k] > maxr) maxr = rss[k]; if (fds[k] > maxf) maxf = fds[k] }
        printf "  %s: %d node processes sampled; max VmRSS %.1f MB, max open fds %d\n", w, count, maxr / 1024, maxf
        for (i = 1; i <= count; i++) { k = order[i]; split(k, p, " ")
          printf "    process %d (pid %s): max VmRSS %.1f MB, max fds %d\n", i, p[1], rss[k] / 1024, fds[k] }
      }')"$'\n'
  else
    report+="  $w: no node process sampled"$'\n'
  fi
done
echo
echo "== soak summary: $n run(s) per workload, --time-limit $time_limit, --nemesis $nemeses, $nodes nodes; store $store"
printf '%s' "$report"
exit $overall
