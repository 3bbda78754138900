#!/usr/bin/env bash
# Start to init_ok, side by side: bin/stagger-node, and with a Maelstrom checkout also its demo/js/echo.js and
# demo/python/echo.py (run by the node and python3 found on PATH), each sent the same init, in interleaved rounds (NodeProcess race): median, min, max, CPU time
# and peak resident memory by init_ok. Fetches nothing; a machine's load slows every contender of a round alike.
#
#   benchmarks/start-race.sh [--runs N] [--jdk JAVA_HOME]... [MAELSTROM_DIR]
#
# --runs: rounds (default 15). --jdk: also the node run by that JDK (its java first on PATH), e.g. a JDK 24+ to
# compare its ahead-of-time cache with the class-data archive of the java on PATH. One untimed round first trains
# the node's start-up archives (once per build and JDK) and warms the file cache for everyone. Paths with spaces
# are not supported (commands are split at spaces).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/benchmarks.jar"
for built in "$jar" "$root/impl/target/stagger-node.jar"; do
  if [[ ! -f "$built" ]]; then
    echo "start-race.sh: $built is not built yet; from the repository root run:" >&2
    echo "  mvn -B -q -pl benchmarks -am package -DskipTests" >&2
    exit 2
  fi
done
runs=15
jdks=()
maelstrom=""
while (( $# )); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --jdk) jdks+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "start-race.sh: unknown option $1" >&2; exit 2 ;;
    *) maelstrom="$1"; shift ;;
  esac
done
version() { "$1" -version 2>&1 | head -n 1; }
contenders=("bin/stagger-node ($(version java))" "$root/bin/stagger-node")
for jdk in ${jdks[@]+"${jdks[@]}"}; do
  if [[ ! -x "$jdk/bin/java" ]]; then
    echo "start-race.sh: no $jdk/bin/java" >&2
    exit 2
  fi
  contenders+=("bin/stagger-node ($(version "$jdk/bin/java"))" "PATH=$jdk/bin:$PATH $root/bin/stagger-node")
done
# The demos run by their interpreters' own binaries, as the node runs by its java: a version manager's shim on PATH
# (pyenv's python3 is a chain of shell scripts) would add its own start to theirs.
if [[ -n "$maelstrom" ]]; then
  for demo in demo/js/echo.js demo/python/echo.py; do
    if [[ ! -f "$maelstrom/$demo" ]]; then
      echo "start-race.sh: no $maelstrom/$demo (give the root of a Maelstrom checkout)" >&2
      exit 2
    fi
  done
  node_bin="$(readlink -f "$(command -v node)")"
  python_bin="$(python3 -c 'import sys; print(sys.executable)')"
  contenders+=("maelstrom demo/js/echo.js (node $("$node_bin" --version))" "$node_bin $maelstrom/demo/js/echo.js")
  contenders+=("maelstrom demo/python/echo.py ($("$python_bin" --version 2>&1))" \
    "$python_bin $maelstrom/demo/python/echo.py")
fi
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$jar" io.stagger.bench.NodeProcess race 1 "${contenders[@]}" >/dev/null
java -cp "$jar" io.stagger.bench.NodeProcess race "$runs" "${contenders[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
