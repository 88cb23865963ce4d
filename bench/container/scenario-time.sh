#!/usr/bin/env bash
# The same client-test scenario's time in each mode: in-process (TestServer), loopback HTTP, loopback HTTPS and a
# Testcontainers-started container (a benchmark script, not a test: numbers on stdout). Runs one scenario fixture
# over every transport (tests run one after another), then sums each transport's test durations from the TRX log.
# The fixture's one-time set-up (starting the emulator or the container) is not in those sums: measure.sh gives the
# container's start to healthy.
# Usage: bench/container/scenario-time.sh [FixtureName]   (default ObjectReadWriteTests; needs s3emulator:local)
set -euo pipefail
fixture="${1:-ObjectReadWriteTests}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet build "$repo/client-tests/S3Emulator.ClientTests" -v quiet -nologo >/dev/null
S3EMULATOR_REQUIRE_DOCKER=1 dotnet test "$repo/client-tests/S3Emulator.ClientTests" --no-build \
  --filter "FullyQualifiedName~.$fixture" --logger "trx;LogFileName=run.trx" --results-directory "$results" >/dev/null

python3 - "$results/run.trx" "$fixture" <<'PY'
import re, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(sys.argv[1]).getroot()
times = {}
def seconds(d):
    h, m, s = d.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)
for result in root.iterfind(".//t:UnitTestResult", ns):
    if result.get("outcome") != "Passed":
        continue
    definition = root.find(f".//t:UnitTest[@id='{result.get('testId')}']/t:TestMethod", ns)
    transport = re.search(r"\((\w+)\)", definition.get("className") + result.get("testName"))
    key = transport.group(1) if transport else "?"
    count, total = times.get(key, (0, 0.0))
    times[key] = (count + 1, total + seconds(result.get("duration")))
print(f"scenario {sys.argv[2]}: passed tests and the sum of their durations per transport")
for key, (count, total) in sorted(times.items()):
    print(f"  {key:<14} {count:>4} tests  {total * 1000:>8.0f} ms  ({total * 1000 / count:.1f} ms a test)")
PY
