#!/usr/bin/env bash
# TLC's distributed mode for a model that outgrows one machine: one server holds the state queue and the
# fingerprints, any number of workers on other machines compute successor states over RMI.
#
#   model-check/tlc-distributed.sh server [stagger check options]   on the server machine
#   model-check/tlc-distributed.sh worker SERVER_HOST               on each worker machine
#
# The server generates the model with `stagger check --generate-only` (same options as `bin/stagger check`), then
# starts tlc2.tool.distributed.TLCServer on it. Distributed TLC checks invariants only (no liveness): the server
# drops the PROPERTIES line, so Convergence must still be checked on one machine or with --simulate.
# Every machine needs the built jar (mvn -B -q -pl model-check package -DskipTests) and a JDK 17; open TCP
# ports 10997 (RMI registry) and 10996 on the server. Set TLC_HOST to the server's address as the workers see it.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
jar="$here/target/stagger-check.jar"
java_opts=${TLC_JAVA_OPTS:--Xmx4g -XX:+UseParallelGC}

usage() {
  sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
}

[[ -f "$jar" ]] || { echo "tlc-distributed: build first: mvn -B -q -pl model-check package -DskipTests" >&2; exit 2; }

case "${1:-}" in
  server)
    shift
    work="$(java -jar "$jar" --generate-only "$@")"
    grep -v '^PROPERTIES' "$work/MC.cfg" > "$work/MC_safety.cfg"
    echo "tlc-distributed: serving $work; start workers with: $0 worker ${TLC_HOST:-$(hostname)}" >&2
    cd "$work"
    exec java $java_opts -Djava.rmi.server.hostname="${TLC_HOST:-$(hostname)}" \
      -cp "$jar" tlc2.tool.distributed.TLCServer -config MC_safety.cfg MC
    ;;
  worker)
    [[ $# -eq 2 ]] || usage
    exec java $java_opts -cp "$jar" tlc2.tool.distributed.TLCWorker "$2"
    ;;
  *) usage ;;
esac
