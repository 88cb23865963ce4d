#!/usr/bin/env bash
# Measures the emulator's image (a benchmark, not a test; numbers on stdout):
#   - the image's size;
#   - start to healthy: from `docker run -d` of a fresh container (new anonymous /data volume, so a new certificate
#     and master key, as a Testcontainers test gets) until GET /_s3emulator/health on the published port answers,
#     polled from the host every 10 ms with curl, as a wait strategy does (Docker 20.10 has no --start-interval, and
#     the HEALTHCHECK's first run comes only after its interval); median, min and max of RUNS starts (default 10);
#   - first requests after start: curl with --aws-sigv4 (the documented example key pair), right after healthy, on
#     HTTP: CreateBucket, PutObject (1 KiB), GetObject; time of each request, median over the runs;
#   - the share of start to healthy that `docker run -d` itself takes (container created and started);
#   - one run of the image's own health check (`docker exec … --health-check`, a .NET process start).
# Usage: bench/container/measure.sh [image]   (RUNS=10 HTTP_PORT=19080 by default; ports on 127.0.0.1 only;
#        RUN_ARGS="-e DOTNET_gcServer=1" adds options to docker run, to compare settings)
set -euo pipefail

image="${1:-s3emulator:local}"
runs="${RUNS:-10}"
port="${HTTP_PORT:-19080}"
name="s3emulator-bench-$$"
aws_user="AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
base="http://127.0.0.1:$port"

cleanup() { docker rm -f -v "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.0f\n", (a[NR/2]+a[NR/2+1])/2}'; }

signed() { # method path [data-file] -> seconds, fails on an error status
  local method=$1 path=$2 data=${3:-}
  curl -sS -o /dev/null -f -w '%{time_total}\n' -X "$method" --aws-sigv4 "aws:amz:us-east-1:s3" --user "$aws_user" \
    ${data:+--data-binary "@$data"} -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$base$path"
}

payload="$(mktemp)"
trap 'cleanup; rm -f "$payload"' EXIT
head -c 1024 /dev/urandom > "$payload"

size=$(docker image inspect "$image" --format '{{.Size}}')
echo "image                 $image"
echo "image size            $((size / 1000000)) MB ($size bytes)"

healthy=() started=() create=() put=() get=()
for i in $(seq 1 "$runs"); do
  cleanup
  start=$(now_ms)
  docker run -d --name "$name" ${RUN_ARGS:-} -p "127.0.0.1:$port:9000" "$image" >/dev/null
  started+=( $(( $(now_ms) - start )) )
  until curl -sf -o /dev/null --max-time 1 "$base/_s3emulator/health"; do
    if (( $(now_ms) - start > 60000 )); then echo "not healthy after 60 s" >&2; docker logs "$name" >&2; exit 1; fi
    sleep 0.01
  done
  healthy+=( $(( $(now_ms) - start )) )
  create+=( "$(signed PUT /bench-$i)" )
  put+=( "$(signed PUT /bench-$i/object "$payload")" )
  get+=( "$(signed GET /bench-$i/object)" )
done

ms() { awk '{printf "%.0f\n", $1 * 1000}'; }
echo "start to healthy      median $(printf '%s\n' "${healthy[@]}" | median) ms, min $(printf '%s\n' "${healthy[@]}" | sort -n | head -1) ms, max $(printf '%s\n' "${healthy[@]}" | sort -n | tail -1) ms ($runs starts)"
echo "  of which docker run  median $(printf '%s\n' "${started[@]}" | median) ms (create and start the container, before the process runs)"
echo "first CreateBucket    median $(printf '%s\n' "${create[@]}" | ms | median) ms"
echo "first PutObject 1 KiB median $(printf '%s\n' "${put[@]}" | ms | median) ms"
echo "first GetObject       median $(printf '%s\n' "${get[@]}" | ms | median) ms"
check_start=$(now_ms)
docker exec "$name" /app/S3Emulator.Host --health-check
echo "HEALTHCHECK command   $(( $(now_ms) - check_start )) ms (docker exec of --health-check, once)"
