#!/usr/bin/env bash
# Quick mode: every benchmark once, short iterations, with the allocation profiler; under 5 minutes on 2 cores.
# The simulator and the node keep a longer warm-up (their code needs it to reach C2). Extra arguments go to JMH,
# e.g. benchmarks/quick.sh -p n=3 to run only n = 3. Prints the Markdown table of RESULTS.md at the end.
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
long_warmup='FailoverBenchmark|NodeThroughputBenchmark'
java -jar "$jar" -e "$long_warmup" -f 1 -wi 1 -i 2 -w 500ms -r 500ms -prof gc \
  -rf json -rff "$out/core.json" "$@"
java -jar "$jar" "$long_warmup" -f 1 -wi 3 -i 2 -w 1s -r 1s -prof gc \
  -rf json -rff "$out/long-warmup.json" "$@"
java -cp "$jar" io.stagger.bench.ResultsTable "$out/core.json" "$out/long-warmup.json" | tee "$out/table.md"
