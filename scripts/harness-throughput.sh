#!/usr/bin/env bash
# The harness's own cost per message: runs the throughput run of harness/README.md ("Measured": five PingNode load
# nodes, 64 pings in flight to each peer, echo workload) RUNS times (default 1), samples each thread of the harness's
# JVM every 0.3 s from /proc (Linux): CPU time (user, system), context switches, read and write system calls; and
# prints per run the messages routed, the main phase's messages per second (results.json net.main-phase), the
# harness's CPU time, and the cost of its message path: the threads that read the nodes' stdout, route (router) and
# write the nodes' stdin, per message routed. The harness's start, its checkers and its report run on other threads
# and are left out.
#
#   scripts/harness-throughput.sh [RUNS] [TIME_LIMIT_SECONDS] [OTHER_CHECKOUT]
#
# With OTHER_CHECKOUT (another built checkout of this repository, e.g. an older commit), each run of this checkout is
# followed by one of the other's, interleaved, so that a changing load hits both alike; the other's lines are marked.
#
# Build first: mvn -B -q -pl harness -am package -DskipTests (in each checkout). PingNode's class path is written once
# to harness/target/test-classpath.txt with mvn -o, and used for both checkouts. STAGGER_JAVA_OPTS reaches the
# harness's JVM (e.g. a JFR recording).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
runs="${1:-1}"
time_limit="${2:-10}"
other="${3:-}"
checkouts=("$root")
if [[ -n "$other" ]]; then
  checkouts+=("$(cd "$other" && pwd)")
fi
for checkout in "${checkouts[@]}"; do
  [[ -f "$checkout/harness/target/stagger-harness.jar" && -d "$checkout/harness/target/test-classes" ]] || {
    echo "harness-throughput: build first: mvn -B -q -f $checkout/pom.xml -pl harness -am package -DskipTests" >&2
    exit 2
  }
done
cp_file="$root/harness/target/test-classpath.txt"
if [[ ! -s "$cp_file" ]]; then
  mvn -B -q -o -f "$root/pom.xml" -pl harness -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
fi
store="$(mktemp -d)"
trap 'rm -rf "$store"' EXIT
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "$runs"); do
  for index in "${!checkouts[@]}"; do
    checkout="${checkouts[$index]}"
    label="run $run"
    if [[ "$checkout" != "$root" ]]; then
      label="run $run (other: $(git -C "$checkout" rev-parse --short HEAD 2>/dev/null || echo "$checkout"))"
    fi
    out="$store/$run-$index"
    "$checkout/bin/stagger" test -w echo --bin java \
      --node-args "-cp $checkout/harness/target/test-classes:$(cat "$cp_file") io.stagger.harness.nodes.PingNode 64" \
      --node-count 5 --time-limit "$time_limit" --no-progress --store "$out" > "$out.log" 2>&1 &
    pid=$!
    python3 - "$pid" "$out.threads" <<'PY'
# Samples every thread of the process until it exits; keeps each thread's last figures.
import os, sys, time
pid, path = sys.argv[1], sys.argv[2]
last = {}
while os.path.exists(f"/proc/{pid}/task"):
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        break
    for tid in tids:
        base = f"/proc/{pid}/task/{tid}"
        try:
            stat = open(f"{base}/stat").read()
            status = open(f"{base}/status").read()
            io = open(f"{base}/io").read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        numbers = dict(line.split(":\t") for line in status.splitlines() if ":\t" in line)
        numbers.update(line.split(": ") for line in io.splitlines())
        last[tid] = (name, int(fields[11]), int(fields[12]), int(numbers["voluntary_ctxt_switches"]),
                     int(numbers["nonvoluntary_ctxt_switches"]), int(numbers["syscr"]), int(numbers["syscw"]))
    time.sleep(0.3)
with open(path, "w") as out:
    for name, *counts in last.values():
        out.write(" ".join(map(str, counts)) + " " + name + "\n")
PY
    status=0
    wait "$pid" || status=$?
    results="$(ls -t "$out"/echo/*/results.json 2>/dev/null | head -n 1)"
    if [[ -z "$results" ]]; then
      echo "$label: no results (exit $status); its output:" >&2
      tail -n 20 "$out.log" >&2
      exit 2
    fi
    python3 - "$out.threads" "$results" "$(getconf CLK_TCK)" "$label" <<'PY'
import json, re, sys
threads, results, ticks, label = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
total = 0.0
path = {}
path_system = {}
system = switches = reads = writes = 0
for row in open(threads):
    user, sys_, voluntary, involuntary, syscr, syscw, name = row.rstrip("\n").split(" ", 6)
    user, sys_ = int(user) / ticks, int(sys_) / ticks
    total += user + sys_
    if re.search(r"-stdout$|-stdin$|^router$", name):
        kind = re.sub(r"^.*-", "", name)
        path[kind] = path.get(kind, 0) + user + sys_
        path_system[kind] = path_system.get(kind, 0) + sys_
        system += sys_
        switches += int(voluntary) + int(involuntary)
        reads += int(syscr)
        writes += int(syscw)
net = json.load(open(results))["net"]
messages = net["all"]["send-count"]
on_path = sum(path.values())
problems = json.load(open(results)).get("problems") or []
print(f"{label}: {messages} messages, main phase {net['main-phase']['msgs-per-second']}/s; harness CPU {total:.2f} s,"
      f" message path {on_path:.2f} s ({', '.join(f'{k} {v:.2f}' for k, v in sorted(path.items()))}; system"
      f" {system:.2f}: {', '.join(f'{k} {v:.2f}' for k, v in sorted(path_system.items()))}) = {on_path / messages * 1e6:.2f} us per message; per 100 messages {100 * switches / messages:.1f}"
      f" context switches, {100 * reads / messages:.1f} reads, {100 * writes / messages:.1f} writes"
      + (f"; the run's error: {problems[0]}" if problems else ""))
PY
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
