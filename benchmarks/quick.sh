#!/usr/bin/env bash
# Quick mode: every benchmark and parameter once, short iterations, with the allocation profiler; under 5 minutes
# on 2 cores. The steps of the core and E(i) get one 500 ms warm-up and one 500 ms measurement; the JSON codec, the
# node and the simulator, whose code needs a few seconds to reach C2, three 1 s warm-ups and one 1 s measurement.
# The batch benchmark of single detection steps keeps its own settings (1,000 batches of 1,000 steps are seconds).
# Extra arguments go to JMH, e.g. benchmarks/quick.sh -p n=3. Prints the Markdown table of RESULTS.md at the end.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
jar="$here/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  echo "quick.sh: $jar is not built yet; from the repository root run:" >&2
  echo "  mvn -B -q -pl impl -am install -DskipTests && mvn -B -q -pl benchmarks package -DskipTests" >&2
  exit 2
fi
out="$here/target/quick"
mkdir -p "$out"
long_warmup='CodecBenchmark|NodeThroughputBenchmark|FailoverBenchmark'
own_settings='DetectionStepBenchmark'
java -jar "$jar" -e "$long_warmup|$own_settings" -f 1 -wi 1 -i 1 -w 500ms -r 500ms -prof gc \
  -rf json -rff "$out/core.json" "$@"
java -jar "$jar" "$long_warmup" -f 1 -wi 3 -i 1 -w 1s -r 1s -prof gc \
  -rf json -rff "$out/long-warmup.json" "$@"
java -jar "$jar" "$own_settings" -prof gc -rf json -rff "$out/batch.json" "$@"
java -cp "$jar" io.stagger.bench.ResultsTable "$out/core.json" "$out/batch.json" "$out/long-warmup.json" \
  | tee "$out/table.md"
