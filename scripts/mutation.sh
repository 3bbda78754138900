#!/usr/bin/env bash
# Mutation testing with PIT over the core (and optionally the service) with impl's own tests.
#   scripts/mutation.sh [core|service|both|checkers] [THREADS]     (default: core, 2 threads)
#   checkers: the checkers (io.stagger.check.*, module checkers/) under their own unit tests (profile in checkers/pom.xml).
# Runs `mvn -pl impl -Pmutation test-compile org.pitest:pitest-maven:mutationCoverage` (the profile is in
# impl/pom.xml; PIT never runs in `mvn verify`), then prints the score and every surviving or uncovered mutant
# from impl/target/pit-reports/mutations.xml. HTML report: impl/target/pit-reports/index.html.
# The Jazzer fuzz tests (io.stagger.fuzz.NodeFuzzTest) and *IT are left out of PIT's test set. Known survivors: impl/MUTATION.md.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
module=impl
case "${1:-core}" in
  core) targets='io.stagger.core.*' ;;
  service) targets='io.stagger.service.*' ;;
  both) targets='io.stagger.core.*,io.stagger.service.*' ;;
  checkers) module=checkers ;; # the checkers (io.stagger.check.*) with their unit tests
  *) echo "usage: scripts/mutation.sh [core|service|both|checkers] [THREADS]" >&2; exit 2 ;;
esac
threads="${2:-2}"
if [[ "$module" == impl ]]; then
  mvn -B -q -f "$root/pom.xml" -pl impl -Pmutation test-compile org.pitest:pitest-maven:mutationCoverage \
      -Dpit.targetClasses="$targets" -Dpit.threads="$threads" ${PIT_MAVEN_ARGS:-}
else
  mvn -B -q -f "$root/pom.xml" -pl "$module" -Pmutation test-compile org.pitest:pitest-maven:mutationCoverage \
      -Dpit.threads="$threads" ${PIT_MAVEN_ARGS:-}
fi
xml="$root/$module/target/pit-reports/mutations.xml"
python3 - "$xml" <<'PY'
import sys, xml.etree.ElementTree as ET
from collections import Counter
root = ET.parse(sys.argv[1]).getroot()
status = Counter()
left = []
for m in root.iter('mutation'):
    s = m.get('status')
    status[s] += 1
    if s in ('SURVIVED', 'NO_COVERAGE'):
        left.append((m.findtext('mutatedClass'), int(m.findtext('lineNumber')), m.findtext('mutatedMethod'),
                     m.findtext('mutator').rsplit('.', 1)[-1], m.findtext('description'), s))
total = sum(status.values())
killed = total - status['SURVIVED'] - status['NO_COVERAGE']
print(f"mutants: {total}; " + ", ".join(f"{k.lower()} {v}" for k, v in sorted(status.items())))
print(f"mutation score: {killed}/{total} = {100.0 * killed / max(total, 1):.1f}% (killed, timed out and memory errors count as detected)")
for c, line, method, mutator, desc, s in sorted(left):
    print(f"  {s:11} {c.rsplit('.', 1)[-1]}:{line} {method}: {desc} [{mutator}]")
PY
