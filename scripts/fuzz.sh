#!/usr/bin/env bash
# Fuzzes with Jazzer: the node's input path (impl/src/test/java/io/stagger/fuzz/NodeFuzzTest.java) and whole runs
# of the group under any fault schedule in the simulator (SimulationFuzzTest.java, safety and convergence).
#   scripts/fuzz.sh [METHOD] [SECONDS]     e.g. scripts/fuzz.sh stdinBytes 600
#   METHOD:  stdinBytes | arbitraryBodies | protocolSequences   (NodeFuzzTest)
#            faultSchedules                                      (SimulationFuzzTest)
#            all (default: each of the four for SECONDS)
#   SECONDS: how long to fuzz each method (default 60). Jazzer takes the length of one run from the test's
#            @FuzzTest(maxDuration = "60s") and lets nothing on the command line override it (its -max_total_time
#            comes last), so the script runs ceil(SECONDS/60) rounds, each resuming from the corpus the last left.
# The corpus a run grows is kept in impl/target/fuzz-corpus/ (moved to impl/.cifuzz-corpus, where Jazzer wants it,
# only while fuzzing, so the work tree stays clean; `mvn clean` drops it).
# A failing input is written by Jazzer to
#   impl/src/test/resources/fuzz/io/stagger/fuzz/<Class>Inputs/<method>/crash-<sha1>
# and from then on replays in every `mvn verify` (regression mode): commit it with the fix.
# Fuzzing is memory-hungry (libFuzzer reported ~2.5 GB RSS in a 30 s run); FUZZ_MAVEN_ARGS adds Maven flags.
# faultSchedules draws the group's size (2 to 5); FUZZ_MAVEN_ARGS='-Dstagger.fuzz.servers=5' fixes it.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
method="${1:-all}"
seconds="${2:-60}"
if [[ "$method" == all ]]; then
  methods=(stdinBytes arbitraryBodies protocolSequences faultSchedules)
else
  methods=("$method")
fi
rounds=$(( (seconds + 59) / 60 ))
mkdir -p "$root/impl/target/fuzz-corpus"
restore() {
  if [[ -d "$root/impl/.cifuzz-corpus" ]]; then
    cp -r "$root/impl/.cifuzz-corpus/." "$root/impl/target/fuzz-corpus/" && rm -rf "$root/impl/.cifuzz-corpus"
  fi
}
trap restore EXIT
status=0
for m in "${methods[@]}"; do
  case "$m" in
    stdinBytes|arbitraryBodies|protocolSequences) class=NodeFuzzTest ;;
    faultSchedules) class=SimulationFuzzTest ;;
    *) echo "fuzz.sh: unknown method '$m' (stdinBytes, arbitraryBodies, protocolSequences, faultSchedules, all)" >&2
       exit 2 ;;
  esac
  for ((r = 1; r <= rounds; r++)); do
    echo "== $class#$m, round $r of $rounds (60 s)"
    mkdir -p "$root/impl/.cifuzz-corpus" && cp -r "$root/impl/target/fuzz-corpus/." "$root/impl/.cifuzz-corpus/"
    log="$root/impl/target/fuzz-$m-$r.log"
    JAZZER_FUZZ=1 mvn -B -f "$root/pom.xml" -pl impl test -Dtest="$class#$m" \
        -Dsurefire.failIfNoSpecifiedTests=false ${FUZZ_MAVEN_ARGS:-} > "$log" 2>&1 || true
    restore
    grep -E '^Done [0-9]+ runs|^#[0-9]+ +DONE' "$log" | tail -2 || true
    if grep -qE 'BUILD FAILURE|FuzzTestFindingException|== Java Exception' "$log"; then
      echo "!! $class#$m: a finding or a failed build; see $log"
      grep -E 'Java Exception|AssertionError|crash-' "$log" | head -5 || true
      status=1
      break
    fi
  done
done
[[ $status == 0 ]] && echo "fuzz: no findings"
exit $status
