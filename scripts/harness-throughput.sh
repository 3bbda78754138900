#!/usr/bin/env bash
# The harness's own cost per message: runs the throughput run of harness/README.md ("Measured": five PingNode load
# nodes, 64 pings in flight to each peer, echo workload) RUNS times (default 1), samples the CPU time of each thread
# of the harness's JVM every 0.3 s from /proc (Linux), and prints per run the messages routed, the main phase's
# messages per second (results.json net.main-phase), the harness's CPU time, and the CPU time of its message path:
# the threads that read the nodes' stdout, route (router) and write the nodes' stdin, with their system time, per
# message routed. The harness's start, its checkers and its report run on other threads and are left out.
#
#   scripts/harness-throughput.sh [RUNS] [TIME_LIMIT_SECONDS]
#
# Build first: mvn -B -q -pl harness -am package -DskipTests. The test classpath (PingNode's) is written once to
# harness/target/test-classpath.txt with mvn -o. STAGGER_JAVA_OPTS reaches the harness's JVM (e.g. a JFR recording).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
runs="${1:-1}"
time_limit="${2:-10}"
cp_file="$root/harness/target/test-classpath.txt"
[[ -f "$root/harness/target/stagger-harness.jar" && -d "$root/harness/target/test-classes" ]] || {
  echo "harness-throughput: build first: mvn -B -q -f $root/pom.xml -pl harness -am package -DskipTests" >&2
  exit 2
}
if [[ ! -s "$cp_file" ]]; then
  mvn -B -q -o -f "$root/pom.xml" -pl harness dependency:build-classpath -Dmdep.outputFile="$cp_file" \
    -Dmdep.includeScope=test >&2
fi
store="$(mktemp -d)"
trap 'rm -rf "$store"' EXIT
ticks="$(getconf CLK_TCK)"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "$runs"); do
  "$root/bin/stagger" test -w echo --bin java \
    --node-args "-cp $root/harness/target/test-classes:$(cat "$cp_file") io.stagger.harness.nodes.PingNode 64" \
    --node-count 5 --time-limit "$time_limit" --no-progress --store "$store/$run" > "$store/$run.log" 2>&1 &
  pid=$!
  samples="$store/$run.cpu"
  : > "$samples"
  while kill -0 "$pid" 2>/dev/null; do
    for task in /proc/"$pid"/task/*; do
      { read -r stat < "$task/stat"; } 2>/dev/null || continue
      name="${stat#*(}"
      name="${name%%)*}"
      # shellcheck disable=SC2086 # the fields after the name, split at spaces
      set -- ${stat##*) }
      echo "${task##*/} ${12} ${13} $name" >> "$samples" # user and system ticks
    done
    sleep 0.3
  done
  status=0
  wait "$pid" || status=$?
  results="$(ls -t "$store/$run"/echo/*/results.json 2>/dev/null | head -n 1)"
  if [[ -z "$results" ]]; then
    echo "run $run: no results (exit $status); its output:" >&2
    tail -n 20 "$store/$run.log" >&2
    exit 2
  fi
  python3 - "$samples" "$results" "$ticks" "$run" <<'PY'
import json, re, sys
samples, results, ticks, run = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
last = {}
for row in open(samples):
    tid, user, system, name = row.rstrip("\n").split(" ", 3)
    last[tid] = (name, int(user), int(system))
total = sum(u + s for _, u, s in last.values()) / ticks
path = {}
system = 0
for name, user, sys_ in last.values():
    if re.search(r"-stdout$|-stdin$|^router$", name):
        kind = re.sub(r"^.*-", "", name)
        path[kind] = path.get(kind, 0) + (user + sys_) / ticks
        system += sys_ / ticks
net = json.load(open(results))["net"]
messages = net["all"]["send-count"]
on_path = sum(path.values())
print(f"run {run}: {messages} messages, main phase {net['main-phase']['msgs-per-second']}/s; harness CPU {total:.2f} s,"
      f" message path {on_path:.2f} s ({', '.join(f'{k} {v:.2f}' for k, v in sorted(path.items()))}; system"
      f" {system:.2f}) = {on_path / messages * 1e6:.2f} us per message")
PY
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
