#!/usr/bin/env bash
# The harness's linearizability checker side by side with Porcupine on the benchmark's generated histories, warm
# and cold. Needs Go (Debian's golang-go) and a checkout of anishathalye/porcupine; measured by hand, never in CI.
#   benchmarks/porcupine/compare.sh PORCUPINE_CHECKOUT [OUT_DIR]
# Builds benchmarks/target/benchmarks.jar and harness/target/stagger-harness.jar first (mvn -B -q -pl benchmarks -am
# package -DskipTests). Prints a Markdown table: per history, the warm time of one check (JMH's average for the
# harness, the minimum of 5 checks after a warm-up for Porcupine, plain and verbose) and the cold time of one
# process (bin/stagger analyze --history, the porcupine-compare binary), the median of 3.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
porcupine="$(cd "${1:?usage: compare.sh PORCUPINE_CHECKOUT [OUT_DIR]}" && pwd)"
out="${2:-$root/benchmarks/target/porcupine}"
jar="$root/benchmarks/target/benchmarks.jar"
mkdir -p "$out/go"
cp "$here/main.go" "$here/go.mod" "$out/go/"
(cd "$out/go" && go mod edit -replace "github.com/anishathalye/porcupine=$porcupine" \
  && GOFLAGS=-mod=mod GOPROXY=off go build -o porcupine-compare .)
rm -rf "$out/histories"
java -cp "$jar" io.stagger.bench.CasHistories "$out/histories" >&2
files=("$out"/histories/*/history.jsonl)
"$out/go/porcupine-compare" -repeat 5 "${files[@]}" > "$out/porcupine.tsv"
"$out/go/porcupine-compare" -repeat 5 -verbose "${files[@]}" > "$out/porcupine-verbose.tsv"
java -jar "$jar" LinearizabilityBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -rf json -rff "$out/jmh.json" > "$out/jmh.txt"
median3() { sort -n | sed -n 2p; }
cold() { for _ in 1 2 3; do /usr/bin/time -f %e "$@" > /dev/null 2>> "$out/cold.err" || true; tail -1 "$out/cold.err"; done | median3; }
echo "| history | operations | verdict | harness warm ms | Porcupine warm ms | verbose ms | harness cold s | Porcupine cold s |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for f in "${files[@]}"; do
  name="$(basename "$(dirname "$f")")"
  IFS='-' read -r _ processes operations kind <<< "$name"
  linearizable=$([[ "$kind" == valid ]] && echo true || echo false)
  warm=$(python3 -c "import json,sys
for r in json.load(open('$out/jmh.json')):
  p=r['params']
  if p['processes']=='$processes' and p['operations']=='$operations' and p['linearizable']=='$linearizable':
    print('%.3f' % (1000.0 / r['primaryMetric']['score']))")
  por=$(grep -F "$f" "$out/porcupine.tsv" | cut -f3,4)
  verbose=$(grep -F "$f" "$out/porcupine-verbose.tsv" | cut -f4)
  hc=$(cold "$root/bin/stagger" analyze --history "$f" --model kv --store "$out/store")
  pc=$(cold "$out/go/porcupine-compare" -repeat 0 "$f")
  echo "| $name | $operations | ${por%%	*} | $warm | ${por#*	} | $verbose | $hc | $pc |"
done
